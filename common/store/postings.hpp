// Positional postings of a document's text under the schema's term
// prefixes (store/schema.hpp); the terms themselves are vi/terms.hpp's.
#pragma once
#include <xapian.h>

#include <span>
#include <string_view>
#include <vector>

#include "store/record.hpp"
#include "vi/tokenizer.hpp"

namespace vn::store {

// Adds positional postings for every token of `text` (positions before + 1,
// before + 2, ...: a text indexed in pieces continues where the last ended):
// the folded term (under schema::kFoldedPrefix) and, when the token has
// diacritics, the exact term at the same position. A token without
// diacritics has identical exact and folded forms, and queries look such
// words up as folded terms, so it is stored once (this halves the postings
// of OCR text, which has lost most diacritics). Tokens whose term would
// exceed schema::kMaxTermBytes keep their position but add no term.
// Returns the last position used (before + the number of tokens).
//
// `alternatives` (sorted by offset, offsets into `text`) adds other
// readings of uncertain tokens at the token's position, as a confusion
// network: their folded terms, where they differ from the token's, with
// wdf 0, so that a phrase typed with the reading the restorer passed over
// still matches, while BM25 weighs only what the text says.
Xapian::termpos add_text_postings(Xapian::Document& doc, std::string_view text,
                                  const std::vector<vi::Token>& tokens, Xapian::termpos before = 0,
                                  std::span<const ReadingAlternatives> alternatives = {});

}  // namespace vn::store
