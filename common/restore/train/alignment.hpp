// Aligning clean text with its OCR, to learn the OCR channel from pairs.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "restore/char_alignment.hpp"

namespace vn::restore {

// One aligned unit: a clean token and what the OCR made of it. Either side
// may be empty (a token the OCR dropped, or OCR noise).
struct AlignedToken {
  std::string clean;  // as in the clean text (case kept)
  std::string ocr;    // as in the OCR text (case kept)
};

// Token-level alignment of a clean text and its OCR (tokens from
// vi::tokenize), minimising a cost in which a pair of tokens costs their
// normalised edit distance once both are folded and lower-cased.
std::vector<AlignedToken> align_tokens(std::string_view clean, std::string_view ocr);

}  // namespace vn::restore
