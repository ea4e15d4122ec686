// Index terms for tokens: shared by indexing and query parsing so the two
// always agree.
#pragma once
#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "vi/tokenizer.hpp"

namespace vn::store {

struct TermPair {
  std::string exact;   // lower-case NFC; words get canonical tone placement
  std::string folded;  // exact without diacritics, prefix not included
};

// The terms of one token. REQUIRES: `token_text` is valid NFC UTF-8.
TermPair terms_for(std::string_view token_text, vi::TokenKind kind);

// Adds positional postings for every token of `text` (positions 1, 2, ...):
// the folded term (under schema::kFoldedPrefix) and, when the token has
// diacritics, the exact term at the same position. A token without
// diacritics has identical exact and folded forms, and queries look such
// words up as folded terms, so it is stored once (this halves the postings
// of OCR text, which has lost most diacritics). Tokens whose term would exceed schema::kMaxTermBytes keep
// their position but add no term. Returns the number of positions used.
Xapian::termpos add_text_postings(Xapian::Document& doc, std::string_view text,
                                  const std::vector<vi::Token>& tokens);

}  // namespace vn::store
