// (syllable, OCR token) pairs read off a decoded text: what channel
// adaptation (restore/channel_adaptation.hpp) counts in place of the
// aligned clean/OCR pairs the shipped channel was trained on.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "restore/restorer.hpp"

namespace vn::restore {

struct DecodedPair {
  std::u32string syllable;  // lexicon spelling, lower-case
  std::u32string ocr;       // the token as the OCR wrote it, lower-cased
};

// OCR tokens longer than this (in code points) give no pair: no syllable
// is that long, whatever the damage.
inline constexpr size_t kMaxPairToken = 12;

// Appends a pair for each token of `text` that `readings` (Restorer::read
// of `text`) read as one syllable, with confidence >= `min_confidence`:
// not kept, not rejoined with a neighbour, not unglued from a number.
void collect_pairs(std::string_view text, const std::vector<TokenReading>& readings, float min_confidence,
                   std::vector<DecodedPair>& out);

}  // namespace vn::restore
