#include "store/postings.hpp"

#include "store/schema.hpp"
#include "vi/terms.hpp"

namespace vn::store {

Xapian::termpos add_text_postings(Xapian::Document& doc, std::string_view text,
                                  const std::vector<vi::Token>& tokens, Xapian::termpos before) {
  Xapian::termpos pos = before;
  std::string folded_term(schema::kFoldedPrefix);
  for (const vi::Token& token : tokens) {
    ++pos;
    if (token.length > schema::kMaxTermBytes - schema::kFoldedPrefix.size()) continue;
    const vi::TermPair t = vi::terms_for(token.text(text), token.kind);
    folded_term.resize(schema::kFoldedPrefix.size());
    folded_term += t.folded;
    doc.add_posting(folded_term, pos);
    if (t.exact != t.folded) doc.add_posting(t.exact, pos);
  }
  return pos;
}

}  // namespace vn::store
