// Numbers that are part of a code OCR broke up: "Luật 80°2015-QH13",
// "62'2020'NĐ-CP", "30;2020". The '/' read as another mark splits the
// code into tokens, and a short number standing alone may be a syllable
// the OCR read as digits ("s6" for "số"), so the decoder would read "80"
// as "số" before "2015". A number glued to the code's next part is no
// syllable: restoration keeps it as written.
#pragma once
#include <string_view>

#include "vi/tokenizer.hpp"

namespace vn::restore {

// True when `token` (a token of `text`) is a number directly followed by
// one mark (no letter, digit or space) and then a digit.
bool is_code_number(std::string_view text, const vi::Token& token);

}  // namespace vn::restore
