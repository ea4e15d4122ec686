// What each character of a clean syllable became in its OCR token: the
// unit the OCR channel counts (restore/channel_counts.hpp).
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vn::restore {

// The character-level emissions of an OCR token given its clean syllable,
// both lower-case: for each code point of `clean`, the OCR string it
// became ("" when dropped; two or more code points when it split, "ư" ->
// "ir"), by the cheapest edit alignment (a substitution within one base
// letter costs less). Spurious OCR characters attach to the preceding
// clean character.
std::vector<std::pair<char32_t, std::u32string>> char_emissions(std::u32string_view clean, std::u32string_view ocr);

}  // namespace vn::restore
