#include "store/terms.hpp"

#include "store/schema.hpp"
#include "text/normalize.hpp"
#include "vi/fold.hpp"
#include "vi/tone.hpp"

namespace vn::store {

TermPair terms_for(std::string_view token_text, vi::TokenKind kind) {
  TermPair t;
  t.exact = text::to_lower(token_text);
  if (kind == vi::TokenKind::kWord) t.exact = vi::canonical_tone(t.exact);
  t.folded = vi::fold(t.exact);
  return t;
}

Xapian::termpos add_text_postings(Xapian::Document& doc, std::string_view text,
                                  const std::vector<vi::Token>& tokens) {
  Xapian::termpos pos = 0;
  std::string folded_term(schema::kFoldedPrefix);
  for (const vi::Token& token : tokens) {
    ++pos;
    if (token.length > schema::kMaxTermBytes - schema::kFoldedPrefix.size()) continue;
    const TermPair t = terms_for(token.text(text), token.kind);
    folded_term.resize(schema::kFoldedPrefix.size());
    folded_term += t.folded;
    doc.add_posting(folded_term, pos);
    if (t.exact != t.folded) doc.add_posting(t.exact, pos);
  }
  return pos;
}

}  // namespace vn::store
