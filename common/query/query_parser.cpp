#include "query/query_parser.hpp"

#include <algorithm>
#include <utility>

#include "query/field_filter.hpp"
#include "restore/restorer.hpp"
#include "store/schema.hpp"
#include "vi/terms.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "vi/fold.hpp"
#include "vi/tokenizer.hpp"

namespace vn::query {
namespace {

enum class Lex { kWord, kPhrase, kField, kOpen, kClose, kAnd, kOr, kXor, kNot, kNear, kAdj, kEnd };

// A token of a word or phrase with its index terms, worked out once.
struct QueryToken {
  vi::Token token;  // in its lexeme's text
  vi::TermPair terms;
  // The exact term of the restorer's reading, when the token was typed
  // without diacritics and the restorer reads it with some that fold back
  // to what was typed ("dang" -> "đảng"); else empty.
  std::string restored_exact;
};

struct Lexeme {
  Lex kind = Lex::kEnd;
  std::string text;   // the word or phrase (NFC once tokenised); for a field, its value as typed
  std::string field;  // for kField: type, code, issuer, year, cites or date
  char sign = 0;  // '+' or '-' in front of a word, phrase or group
  Xapian::termcount window = 0;  // kNear, kAdj: NEAR/n, ADJ/n (0: the default)
  std::vector<QueryToken> tokens;  // of a word or phrase
};

bool is_text(const Lexeme& l) { return l.kind == Lex::kWord || l.kind == Lex::kPhrase; }

// "name:value" where name could only be meant as a field: 2 to 10 ASCII
// letters ("yaer:2025", "Type:bc"), not a time ("10:30") or a URL
// ("http://...").
bool looks_like_field(std::string_view word, size_t colon) {
  if (colon < 2 || colon > 10 || colon + 1 >= word.size() || word[colon + 1] == '/') return false;
  for (size_t i = 0; i < colon; ++i)
    if (!((word[i] >= 'a' && word[i] <= 'z') || (word[i] >= 'A' && word[i] <= 'Z'))) return false;
  return true;
}

// NEAR, ADJ, NEAR/n, ADJ/n (n in 1..100): sets the kind and window.
bool proximity_operator(Lexeme& l) {
  std::string_view t = l.text;
  Lex kind;
  if (t.starts_with("NEAR")) kind = Lex::kNear, t.remove_prefix(4);
  else if (t.starts_with("ADJ")) kind = Lex::kAdj, t.remove_prefix(3);
  else return false;
  if (!t.empty()) {
    if (t.size() < 2 || t[0] != '/' || !text::all_digits(t.substr(1)) || t.size() > 4) return false;
    l.window = static_cast<Xapian::termcount>(std::stoi(std::string(t.substr(1))));
    if (l.window < 1 || l.window > 100) throw QueryError(l.text + ": the window must be 1 to 100 words");
  }
  l.kind = kind;
  return true;
}

std::vector<Lexeme> lex(std::string_view q) {
  std::vector<Lexeme> out;
  size_t i = 0;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (i < q.size()) {
    if (space(q[i])) {
      ++i;
      continue;
    }
    Lexeme l;
    if ((q[i] == '+' || q[i] == '-') && i + 1 < q.size() && !space(q[i + 1])) l.sign = q[i++];
    if (q[i] == '(') {
      l.kind = Lex::kOpen;
      ++i;
    } else if (q[i] == ')') {
      l.kind = Lex::kClose;
      ++i;
    } else if (q[i] == '"') {
      const size_t end = q.find('"', i + 1);
      l.kind = Lex::kPhrase;
      l.text = q.substr(i + 1, (end == std::string_view::npos ? q.size() : end) - i - 1);
      i = end == std::string_view::npos ? q.size() : end + 1;
    } else {
      size_t j = i;
      while (j < q.size() && !space(q[j]) && q[j] != '(' && q[j] != ')' && q[j] != '"') ++j;
      l.text = q.substr(i, j - i);
      i = j;
      l.kind = Lex::kWord;
      const size_t colon = l.text.find(':');
      if (colon != std::string::npos && !is_filter_field(l.text.substr(0, colon)) && looks_like_field(l.text, colon))
        throw QueryError("unknown field \"" + l.text.substr(0, colon) +
                         "\": the fields are type, code, issuer, year, cites and date (to search the text, quote it)");
      if (colon != std::string::npos && is_filter_field(l.text.substr(0, colon))) {
        l.kind = Lex::kField;
        l.field = l.text.substr(0, colon);
        l.text.erase(0, colon + 1);
        if (l.text.empty() && i < q.size() && q[i] == '"') {  // field:"several words"
          const size_t end = q.find('"', i + 1);
          l.text = q.substr(i + 1, (end == std::string_view::npos ? q.size() : end) - i - 1);
          i = end == std::string_view::npos ? q.size() : end + 1;
        }
        out.push_back(std::move(l));
        continue;
      }
      if (!l.sign) {
        if (l.text == "AND") l.kind = Lex::kAnd;
        else if (l.text == "OR") l.kind = Lex::kOr;
        else if (l.text == "XOR") l.kind = Lex::kXor;
        else if (proximity_operator(l)) {}
        else if (l.text == "NOT") l.kind = Lex::kNot;
      }
    }
    out.push_back(std::move(l));
  }
  out.push_back({});
  return out;
}

Xapian::Query folded_term(const vi::TermPair& t) {
  return Xapian::Query(std::string(store::schema::kFoldedPrefix) + t.folded);
}

// Binary operators that tolerate a missing operand ("AND x", "x OR").
Xapian::Query join(Xapian::Query::op op, const Xapian::Query& a, const Xapian::Query& b) {
  if (b.empty()) return a;
  if (a.empty()) return op == Xapian::Query::OP_AND_NOT ? Xapian::Query(op, Xapian::Query::MatchAll, b) : b;
  return Xapian::Query(op, a, b);
}

// NFC-normalises every word and phrase and splits it into tokens.
void tokenize_words(std::vector<Lexeme>& lexemes) {
  std::vector<vi::Token> tokens;
  for (Lexeme& l : lexemes) {
    if (!is_text(l)) continue;
    l.text = text::to_nfc(l.text);
    tokens.clear();
    vi::tokenize(l.text, tokens);
    for (const vi::Token& t : tokens) l.tokens.push_back({t, vi::terms_for(t.text(l.text), t.kind), {}});
  }
}

// Whether any word was typed without diacritics (only those use the restoration).
bool has_unaccented_word(const std::vector<Lexeme>& lexemes) {
  for (const Lexeme& l : lexemes)
    for (const QueryToken& t : l.tokens)
      if (!vi::has_diacritics(t.token.text(l.text))) return true;
  return false;
}

// The exact term of `reading` when it adds an accented reading of a token
// typed without diacritics (see QueryToken::restored_exact); else empty.
std::string accented_reading(const vi::TermPair& typed, std::string_view reading) {
  std::string exact = vi::terms_for(reading, vi::TokenKind::kWord).exact;
  if (typed.exact != typed.folded || exact == typed.exact || vi::fold(exact) != typed.folded) return {};
  return exact;
}

// Restores the words and phrases together, space-separated in query order,
// and gives each token its reading. Returns the restored text.
std::string restore_words(std::vector<Lexeme>& lexemes, const restore::Restorer& restorer) {
  std::string joined;
  std::vector<std::pair<size_t, QueryToken*>> at;  // every token by its offset in `joined`, in order
  for (Lexeme& l : lexemes) {
    if (!is_text(l)) continue;
    if (!joined.empty()) joined += ' ';
    for (QueryToken& t : l.tokens) at.emplace_back(joined.size() + t.token.offset, &t);
    joined += l.text;
  }
  const restore::RestoredText r = restorer.restore(joined);
  // A restored token may cover two ("Ngh i" read as "Nghị"); the second
  // then has no reading.
  size_t j = 0;
  for (const restore::RestoredToken& t : r.tokens) {
    while (j < at.size() && at[j].first < t.offset) ++j;
    if (j < at.size() && at[j].first == t.offset)
      at[j].second->restored_exact = accented_reading(at[j].second->terms, t.restored);
  }
  return r.text;
}

class Parser {
 public:
  Parser(std::vector<Lexeme> lexemes, DefaultOperator op, std::string restored)
      : lx_(std::move(lexemes)), restored_(std::move(restored)), op_(op) {}

  ParsedQuery parse() {
    ParsedQuery out;
    out.query = or_expr();
    out.words = std::move(words_);
    out.restored = restored_;
    // Once more, letting one word of each long phrase or run of words differ.
    pos_ = 0;
    relax_ = true;
    Xapian::Query loose = or_expr();
    if (relaxed_) out.approximate = std::move(loose);
    return out;
  }

 private:
  const Lexeme& peek() const { return lx_[pos_]; }
  const Lexeme& take() { return lx_[pos_ < lx_.size() - 1 ? pos_++ : pos_]; }

  Xapian::Query or_expr() {
    Xapian::Query q = and_expr();
    while (peek().kind == Lex::kOr || peek().kind == Lex::kXor) {
      const Xapian::Query::op op = take().kind == Lex::kOr ? Xapian::Query::OP_OR : Xapian::Query::OP_XOR;
      q = join(op, q, and_expr());
    }
    return q;
  }

  Xapian::Query and_expr() {
    Xapian::Query q = sequence();
    for (;;) {
      if (peek().kind == Lex::kAnd) {
        take();
        if (peek().kind == Lex::kNot) {
          take();
          q = join(Xapian::Query::OP_AND_NOT, q, sequence(false));
        } else {
          q = join(Xapian::Query::OP_AND, q, sequence());
        }
      } else if (peek().kind == Lex::kNot) {
        take();
        q = join(Xapian::Query::OP_AND_NOT, q, sequence(false));
      } else {
        return q;
      }
    }
  }

  // item+ combined by the default operator, honouring + and -.
  Xapian::Query sequence(bool record_words = true) {
    std::vector<Xapian::Query> required, plain, excluded, filters;
    std::vector<Xapian::Query> sequence_terms;  // folded terms of the unsigned words, in order
    std::vector<bool> plain_may_differ;          // per plain item: a word that may_differ()
    for (;;) {
      const Lex k = peek().kind;
      if (k == Lex::kClose && depth_ == 0) {  // stray ')': ignore
        take();
        continue;
      }
      if (k == Lex::kField) {  // metadata filters restrict, they do not score
        const Lexeme l = take();
        (l.sign == '-' ? excluded : filters).push_back(filter_query(l.field, l.text));
        continue;
      }
      if (k == Lex::kNear || k == Lex::kAdj) throw QueryError("NEAR and ADJ go between words");
      if (k != Lex::kWord && k != Lex::kPhrase && k != Lex::kOpen) break;
      if (k == Lex::kWord && (lx_[pos_ + 1].kind == Lex::kNear || lx_[pos_ + 1].kind == Lex::kAdj)) {
        const char sign = peek().sign;
        Xapian::Query q = proximity_chain(record_words && sign != '-');
        (sign == '+' ? required : sign == '-' ? excluded : plain).push_back(std::move(q));
        continue;
      }
      const char sign = peek().sign;
      if (sign == 0 && peek().kind == Lex::kWord)
        for (const QueryToken& t : peek().tokens) sequence_terms.push_back(folded_term(t.terms));
      const bool word = peek().kind == Lex::kWord && peek().tokens.size() == 1 && may_differ(peek().tokens[0]);
      Xapian::Query q = item(record_words && sign != '-');
      if (q.empty()) continue;
      if (sign == 0) plain_may_differ.push_back(word);
      (sign == '+' ? required : sign == '-' ? excluded : plain).push_back(std::move(q));
    }
    Xapian::Query q = combine(required, plain, plain_may_differ, excluded, sequence_terms);
    if (filters.empty()) return q;
    const Xapian::Query filter(Xapian::Query::OP_AND, filters.begin(), filters.end());
    return Xapian::Query(Xapian::Query::OP_FILTER, q.empty() ? Xapian::Query::MatchAll : q, filter);
  }

  Xapian::Query combine(std::vector<Xapian::Query>& required, std::vector<Xapian::Query>& plain,
                        const std::vector<bool>& plain_may_differ, std::vector<Xapian::Query>& excluded,
                        const std::vector<Xapian::Query>& sequence_terms) {
    Xapian::Query q;
    if (op_ == DefaultOperator::kAnd) {
      if (relaxable(plain_may_differ)) {
        relaxed_ = true;
        required.push_back(all_but_one(plain, plain_may_differ, Xapian::Query::OP_AND, 0));
      } else {
        required.insert(required.end(), plain.begin(), plain.end());
      }
      q = Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
      if (sequence_terms.size() >= 2) q = with_proximity_boost(q, sequence_terms);
    } else if (required.empty()) {
      q = Xapian::Query(Xapian::Query::OP_OR, plain.begin(), plain.end());
    } else {
      q = Xapian::Query(Xapian::Query::OP_AND_MAYBE,
                        Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end()),
                        Xapian::Query(Xapian::Query::OP_OR, plain.begin(), plain.end()));
    }
    if (excluded.empty()) return q;
    if (q.empty()) q = Xapian::Query::MatchAll;
    return Xapian::Query(Xapian::Query::OP_AND_NOT, q,
                         Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
  }

  // `words` ranking higher where they stand together: as the phrase they
  // were typed as (weight x kPhraseBoost), or in any order within a window
  // of kNearSlack extra positions (x kNearBoost). Tuned with
  // bench/search-eval on our print and scan-21 passages (figures in
  // bench/README.md).
  // The boosts are two nested AND_MAYBEs, which weigh what one AND_MAYBE
  // of the OR of both would: Xapian 1.4.22 gives that OR form wrong
  // weights at some page sizes (on 10 MB of generated pages, 83 of 450
  // two-word top-n lists differed from the top n of the full listing on
  // one database, and 273 of 900 between one database and two shards of
  // it), the nested form none.
  static Xapian::Query with_proximity_boost(const Xapian::Query& words, const std::vector<Xapian::Query>& terms) {
    constexpr double kPhraseBoost = 3.0, kNearBoost = 1.0;
    constexpr Xapian::termcount kNearSlack = 4;
    const auto n = static_cast<Xapian::termcount>(terms.size());
    const Xapian::Query phrase(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), n);
    const Xapian::Query near(Xapian::Query::OP_NEAR, terms.begin(), terms.end(), n + kNearSlack);
    const Xapian::Query with_phrase(Xapian::Query::OP_AND_MAYBE, words,
                                    Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, phrase, kPhraseBoost));
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, with_phrase, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, near, kNearBoost));
  }

  // word NEAR word [NEAR word ...]: the words' folded terms within `window`
  // words of each other (default 10, as Xapian's QueryParser) in any order;
  // ADJ: in the order typed. The largest window given applies; one ADJ
  // makes the whole chain ordered.
  Xapian::Query proximity_chain(bool record) {
    std::vector<Xapian::Query> terms;
    Xapian::termcount window = 0;
    bool ordered = false;
    for (;;) {
      const Lexeme& w = take();
      for (const QueryToken& t : w.tokens) {
        terms.push_back(folded_term(t.terms));
        if (record && !relax_) words_.push_back({t.terms.exact, t.terms.folded, t.terms.exact != t.terms.folded});
      }
      if (peek().kind != Lex::kNear && peek().kind != Lex::kAdj) break;
      const Lexeme& op = take();
      ordered |= op.kind == Lex::kAdj;
      window = std::max(window, op.window);
      if (peek().kind != Lex::kWord) throw QueryError("NEAR and ADJ go between words");
    }
    if (window == 0) window = 10;
    // Within `window` words of each other: a span of window + n - 1 positions.
    const auto n = static_cast<Xapian::termcount>(terms.size());
    return Xapian::Query(ordered ? Xapian::Query::OP_PHRASE : Xapian::Query::OP_NEAR, terms.begin(), terms.end(),
                         window + n - 1);
  }

  Xapian::Query item(bool record) {
    const Lexeme& l = take();
    if (l.kind == Lex::kOpen) {
      // Each level recurses: thousands of '(' would overflow the stack.
      if (depth_ == kMaxDepth) throw QueryError("parentheses nested too deeply");
      ++depth_;
      Xapian::Query q = or_expr();
      --depth_;
      if (peek().kind == Lex::kClose) take();  // a missing ')' closes at the end
      return q;
    }
    return text_query(l, record);
  }

  // A word or phrase: one token is a term, several are a phrase.
  Xapian::Query text_query(const Lexeme& l, bool record) {
    std::vector<Xapian::Query> folded, mixed;
    bool any_accent = false;
    for (const QueryToken& tok : l.tokens) {
      const vi::TermPair& t = tok.terms;
      const bool accented = t.exact != t.folded;  // typed with diacritics
      // Typed without: the restorer's accented reading, if any, scores too.
      const bool boost = accented || !tok.restored_exact.empty();
      any_accent |= boost;
      folded.push_back(folded_term(t));
      mixed.push_back(boost ? Xapian::Query(accented ? t.exact : tok.restored_exact) : folded_term(t));
      if (record && !relax_) words_.push_back({t.exact, t.folded, accented});
    }
    if (l.tokens.empty()) return Xapian::Query();
    if (l.kind == Lex::kWord && l.tokens.size() == 1 && l.text.size() >= 3 && l.text.back() == '*') {
      // chuy*: every folded term that starts so (the most frequent kMaxWildcardTerms).
      return Xapian::Query(Xapian::Query::OP_WILDCARD, std::string(store::schema::kFoldedPrefix) + l.tokens[0].terms.folded,
                           kMaxWildcardTerms, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    }
    if (l.tokens.size() == 1) {
      return any_accent ? Xapian::Query(Xapian::Query::OP_AND_MAYBE, folded[0], mixed[0]) : folded[0];
    }
    // The phrase is matched on folded terms; the exact terms, which have no
    // positions (store/postings.hpp), weigh the documents that spell the
    // words as typed.
    const auto n = static_cast<Xapian::termcount>(l.tokens.size());
    std::vector<bool> word_may_differ;
    for (const QueryToken& tok : l.tokens) word_may_differ.push_back(may_differ(tok));
    const bool relax = relaxable(word_may_differ);
    relaxed_ |= relax;
    Xapian::Query phrase = relax ? all_but_one(folded, word_may_differ, Xapian::Query::OP_PHRASE, n)
                                 : Xapian::Query(Xapian::Query::OP_PHRASE, folded.begin(), folded.end(), n);
    if (!any_accent) return phrase;
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, phrase,
                         Xapian::Query(relax ? Xapian::Query::OP_OR : Xapian::Query::OP_AND, mixed.begin(), mixed.end()));
  }

  // Whether a query word may be the one an approximate match lacks: a
  // word, not a number or code ("phiên bản 13" is no match for version 12).
  static bool may_differ(const QueryToken& t) { return t.token.kind == vi::TokenKind::kWord; }

  // In the relaxing pass: whether a phrase or run of words (each flagged
  // as may_differ) lets one of them differ. Two words less one would be
  // a single word.
  bool relaxable(const std::vector<bool>& may_differ) const {
    return relax_ && may_differ.size() >= kMinRelaxedWords && may_differ.size() <= kMaxRelaxedWords &&
           std::find(may_differ.begin(), may_differ.end(), true) != may_differ.end();
  }

  // The OR, over each of `parts` that may differ, of `op` over the others
  // (`window` for phrases: the span of them all, so the missing word keeps
  // its place).
  static Xapian::Query all_but_one(const std::vector<Xapian::Query>& parts, const std::vector<bool>& may_differ,
                                   Xapian::Query::op op, Xapian::termcount window) {
    std::vector<Xapian::Query> each;
    std::vector<Xapian::Query> others;
    for (size_t skip = 0; skip < parts.size(); ++skip) {
      if (!may_differ[skip]) continue;
      others.clear();
      for (size_t i = 0; i < parts.size(); ++i)
        if (i != skip) others.push_back(parts[i]);
      each.emplace_back(op, others.begin(), others.end(), window);
    }
    return Xapian::Query(Xapian::Query::OP_OR, each.begin(), each.end());
  }

  std::vector<Lexeme> lx_;
  std::string restored_;  // the restorer's reading of the words, "" when none
  size_t pos_ = 0;
  static constexpr int kMaxDepth = 100;
  static constexpr size_t kMinRelaxedWords = 3, kMaxRelaxedWords = 12;
  bool relax_ = false;    // the second pass: ParsedQuery::approximate
  bool relaxed_ = false;  // it let a word differ somewhere
  static constexpr Xapian::termcount kMaxWildcardTerms = 100;
  int depth_ = 0;
  DefaultOperator op_;
  std::vector<QueryWord> words_;
};

}  // namespace

ParsedQuery parse_query(std::string_view query, DefaultOperator default_op, const restore::Restorer* restorer) {
  if (text::find_invalid_utf8(query) != text::kValid) throw QueryError("the query is not valid UTF-8");
  if (query.size() > kMaxQueryBytes)
    throw QueryError("the query is too long (" + std::to_string(query.size()) + " bytes; at most " +
                     std::to_string(kMaxQueryBytes) + ")");
  std::vector<Lexeme> lexemes = lex(query);
  tokenize_words(lexemes);
  size_t words = 0;
  for (const Lexeme& l : lexemes) words += l.tokens.size();
  if (words > kMaxQueryWords)
    throw QueryError("the query has too many words (" + std::to_string(words) + "; at most " +
                     std::to_string(kMaxQueryWords) + ")");
  std::string restored;
  if (restorer && has_unaccented_word(lexemes)) restored = restore_words(lexemes, *restorer);
  Parser parser(std::move(lexemes), default_op, std::move(restored));
  ParsedQuery parsed = parser.parse();
  if (parsed.query.empty()) throw QueryError("the query has no searchable words");
  return parsed;
}

}  // namespace vn::query
