#include "query/snippet.hpp"

#include <algorithm>

#include "vi/fold.hpp"
#include "vi/terms.hpp"
#include "vi/tokenizer.hpp"

namespace vn::query {
namespace {

// Index of the query word a token matches, or -1. Its terms are made only
// when it folds to one of the words, as few tokens do.
int match_of(std::string_view token, vi::TokenKind kind, const std::vector<QueryWord>& words) {
  const auto folds = [&](const QueryWord& q) { return vi::lower_folds_to(token, q.folded); };
  if (std::none_of(words.begin(), words.end(), folds)) return -1;
  const vi::TermPair t = vi::terms_for(token, kind);
  for (size_t w = 0; w < words.size(); ++w) {
    const QueryWord& q = words[w];
    if (q.accented ? t.exact == q.exact : t.folded == q.folded) return static_cast<int>(w);
  }
  return -1;
}

struct Window {
  size_t first = 0, distinct = 0, hits = 0;
};

Window best_window(const std::vector<int>& match, size_t nwords, size_t width) {
  Window best;
  std::vector<size_t> count(nwords, 0);
  Window cur;
  for (size_t i = 0; i < match.size(); ++i) {
    if (match[i] >= 0 && count[match[i]]++ == 0) ++cur.distinct;
    if (match[i] >= 0) ++cur.hits;
    if (i >= width) {
      const int out = match[i - width];
      if (out >= 0 && --count[out] == 0) --cur.distinct;
      if (out >= 0) --cur.hits;
    }
    cur.first = i + 1 >= width ? i + 1 - width : 0;
    if (cur.distinct > best.distinct || (cur.distinct == best.distinct && cur.hits > best.hits)) best = cur;
  }
  return best;
}

// Slides the window so that the matches it holds sit in its middle rather
// than at its edge.
void center_on_matches(const std::vector<int>& match, size_t width, Window& w) {
  const size_t end = std::min(match.size(), w.first + width);
  size_t lo = end, hi = 0;
  for (size_t i = w.first; i < end; ++i)
    if (match[i] >= 0) lo = std::min(lo, i), hi = i;
  if (lo == end || match.size() <= width) return;
  const size_t slack = width - (hi - lo + 1);
  const size_t first = lo > slack / 2 ? lo - slack / 2 : 0;
  w.first = std::min(first, match.size() - width);
}

constexpr size_t kMaxShownTokenBytes = 60;

// Appends `s` with runs of whitespace and control characters collapsed to
// one space.
void append_collapsed(std::string& out, std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
}

// Appends a token, shortening monsters (OCR garbage, base64) with "…".
void append_token(std::string& out, std::string_view token) {
  if (token.size() <= kMaxShownTokenBytes) {
    out.append(token);
    return;
  }
  size_t cut = kMaxShownTokenBytes;
  while (cut > 0 && (static_cast<unsigned char>(token[cut]) & 0xC0) == 0x80) --cut;
  out.append(token.substr(0, cut));
  out.append("…");
}

}  // namespace

Snippet make_snippet(std::string_view text, const std::vector<QueryWord>& words, size_t width, Surroundings around) {
  std::vector<vi::Token> tokens;
  vi::tokenize(text, tokens);
  Snippet s;
  if (tokens.empty() || width == 0) return s;
  std::vector<int> match(tokens.size(), -1);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].length > 200) continue;
    match[i] = match_of(tokens[i].text(text), tokens[i].kind, words);
  }
  Window w = best_window(match, words.size(), width);
  center_on_matches(match, width, w);
  const size_t last = std::min(tokens.size(), w.first + width) - 1;
  if (w.first > 0 || around.text_before) s.text = "… ";
  size_t cursor = tokens[w.first].offset;
  for (size_t i = w.first; i <= last; ++i) {
    append_collapsed(s.text, text.substr(cursor, tokens[i].offset - cursor));
    const size_t at = s.text.size();
    append_token(s.text, tokens[i].text(text));
    if (match[i] >= 0) s.matches.emplace_back(at, s.text.size() - at);
    cursor = tokens[i].offset + tokens[i].length;
  }
  if (last + 1 < tokens.size() || around.text_after) s.text += " …";
  return s;
}

}  // namespace vn::query
