// Case and identity of restored tokens: which case pattern a restoration
// takes from the OCR token and its neighbours, and when a token is kept.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "vi/tokenizer.hpp"

namespace vn::restore {

enum class CasePattern { kLower, kCapitalised, kUpper };

// All capitals (two letters or more), capitalised, or lower case.
CasePattern case_pattern(std::string_view token);
std::string apply_case(CasePattern pattern, std::u32string_view lower);
// Applies the case pattern of `original` to the lower-case `restored`.
std::string apply_case(std::string_view original, std::u32string_view restored);

// The case pattern token i of `text` gives its restoration `restored`. Its
// own, except where OCR makes that unreliable: a token of one letter
// ("T6", "S6") takes capitals when the words around it on its line are in
// capitals (a heading); a capital I, J or 1 read for "l" ("Itia" for
// "lúa") does not capitalise; a short token in capitals among words that
// are not ("TO trinh") is only capitalised; and one that opens with "$"
// (an S: "$6" for "Số") is capitalised where it opens a line or a
// sentence, in capitals among capitals, and in lower case elsewhere.
CasePattern case_in_context(std::string_view text, const std::vector<vi::Token>& tokens, size_t i,
                            std::u32string_view restored);

// Shaped like an abbreviation or a Roman numeral: all capitals, two
// letters or more, no digit, and no vowel that could carry a syllable
// ("TT", "HĐND", "GRDP") unless it is a Roman numeral ("VII", "XIX").
bool looks_like_abbreviation(std::string_view token);

// True when `original` is `syllable` up to case and tone-mark placement
// ("ỦY" and "uỷ"): the original spelling is then kept.
bool same_word(std::string_view original, std::u32string_view syllable);

}  // namespace vn::restore
