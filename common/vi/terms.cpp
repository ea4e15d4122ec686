#include "vi/terms.hpp"

#include "text/normalize.hpp"
#include "vi/fold.hpp"
#include "vi/tone.hpp"

namespace vn::vi {

TermPair terms_for(std::string_view token_text, TokenKind kind) {
  TermPair t;
  t.exact = text::to_lower(token_text);
  if (kind == TokenKind::kWord) t.exact = canonical_tone(t.exact);
  t.folded = fold(t.exact);
  return t;
}

}  // namespace vn::vi
