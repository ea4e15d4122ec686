// The units the language model counts: lexicon syllables plus a few word
// classes for everything that is not a Vietnamese syllable.
#pragma once
#include <cstdint>

namespace vn::restore {

using WordId = uint32_t;

// Reserved by the language model (restore/language_model.hpp).
inline constexpr WordId kBos = 0;  // <s>: context only, never predicted
inline constexpr WordId kEos = 1;  // </s>
inline constexpr WordId kUnk = 2;  // unknown word

// Word classes, then the lexicon's syllables (restore/lexicon.hpp).
// kUnk is never produced by Lexicon::classify(); it is the LM's unknown.
inline constexpr WordId kNumber = 3;   // 2025, 1.250,5
inline constexpr WordId kCode = 4;     // 18-NQ/TW, 25/10/2017, H5N1
inline constexpr WordId kForeign = 5;  // letters, but not a lexicon syllable: UBND, ASEAN, XIX
inline constexpr WordId kFirstSyllable = 6;

}  // namespace vn::restore
