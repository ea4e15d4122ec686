// The index terms of a token: what indexing and query parsing both derive
// from a token's text, so that the two always agree.
#pragma once
#include <string>
#include <string_view>

#include "vi/tokenizer.hpp"

namespace vn::vi {

struct TermPair {
  std::string exact;   // lower-case NFC; words get canonical tone placement
  std::string folded;  // exact without diacritics (đ -> d)
};

// The terms of one token. REQUIRES: `token_text` is valid NFC UTF-8.
TermPair terms_for(std::string_view token_text, TokenKind kind);

}  // namespace vn::vi
