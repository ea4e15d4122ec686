#include "store/postings.hpp"

#include "store/schema.hpp"
#include "vi/terms.hpp"

namespace vn::store {
namespace {

// The parts of a code's folded term ("106/2025/nd-cp": 106, 2025, nd, cp)
// at its position, with wdf 0: a phrase typed across a code's edge ("CP
// trong một số") matches, while BM25 weighs the code as one term.
void add_code_parts(Xapian::Document& doc, std::string_view folded_code, Xapian::termpos pos, std::string& term) {
  for (size_t start = 0, i = 0; i <= folded_code.size(); ++i) {
    if (i < folded_code.size() && folded_code[i] != '-' && folded_code[i] != '/') continue;
    if (i > start && i - start < folded_code.size()) {
      term.assign(schema::kFoldedPrefix).append(folded_code.substr(start, i - start));
      doc.add_posting(term, pos, 0);
    }
    start = i + 1;
  }
}

}  // namespace

Xapian::termpos add_text_postings(Xapian::Document& doc, std::string_view text,
                                  const std::vector<vi::Token>& tokens, Xapian::termpos before,
                                  std::span<const ReadingAlternatives> alternatives) {
  Xapian::termpos pos = before;
  std::string folded_term(schema::kFoldedPrefix), reading_term;
  auto alt = alternatives.begin();
  for (const vi::Token& token : tokens) {
    ++pos;
    if (token.length > schema::kMaxTermBytes - schema::kFoldedPrefix.size()) continue;
    const vi::TermPair t = vi::terms_for(token.text(text), token.kind);
    folded_term.resize(schema::kFoldedPrefix.size());
    folded_term += t.folded;
    doc.add_posting(folded_term, pos);
    if (t.exact != t.folded) doc.add_term(t.exact);
    if (token.kind == vi::TokenKind::kCode) add_code_parts(doc, t.folded, pos, reading_term);
    while (alt != alternatives.end() && alt->offset < token.offset) ++alt;
    if (alt == alternatives.end() || alt->offset != token.offset) continue;
    for (const std::string& reading : alt->readings) {
      const std::string folded = vi::terms_for(reading, vi::TokenKind::kWord).folded;
      if (folded == t.folded || folded.size() > schema::kMaxTermBytes - schema::kFoldedPrefix.size()) continue;
      reading_term.assign(schema::kFoldedPrefix).append(folded);
      doc.add_posting(reading_term, pos, 0);
    }
  }
  return pos;
}

void add_title_terms(Xapian::Document& doc, std::string_view title, Xapian::termcount wdf) {
  std::vector<vi::Token> tokens;
  vi::tokenize(title, tokens);
  std::string folded_term(schema::kFoldedPrefix);
  for (const vi::Token& token : tokens) {
    if (token.length > schema::kMaxTermBytes - schema::kFoldedPrefix.size()) continue;
    const vi::TermPair t = vi::terms_for(token.text(title), token.kind);
    folded_term.resize(schema::kFoldedPrefix.size());
    folded_term += t.folded;
    doc.add_term(folded_term, wdf);
    if (t.exact != t.folded) doc.add_term(t.exact, wdf);
  }
}

}  // namespace vn::store
