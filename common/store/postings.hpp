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

// Adds every token of `text` to `doc`: its folded term (under
// schema::kFoldedPrefix) with its position (before + 1, before + 2, ...: a
// text indexed in pieces continues where the last ended) and, when the
// token has diacritics, its exact term, counted (wdf) but without a
// position. Phrases and proximity are matched on folded terms; the exact
// terms only weigh the documents that spell the words as typed (BM25
// needs their frequencies, not their positions), which keeps the position
// table, the largest part of the index, to one entry per token. A token
// without diacritics has identical exact and folded forms, and queries
// look such words up as folded terms, so it is stored once. Tokens whose
// term would exceed schema::kMaxTermBytes keep their position but add no
// term.
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

// Adds the folded (and, where they differ, exact) terms of a document's
// title `wdf` more times, without positions: a title's words weigh more
// in ranking than the same words in the text, while phrases still match
// the text's positions alone.
void add_title_terms(Xapian::Document& doc, std::string_view title, Xapian::termcount wdf);

}  // namespace vn::store
