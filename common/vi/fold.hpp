// Diacritic folding: the form a user types without Vietnamese input.
#pragma once
#include <string>
#include <string_view>

namespace vn::vi {

// Removes every diacritic (tone and quality marks, đ -> d), keeping case.
// "Đảng bộ" -> "Dang bo". REQUIRES: valid UTF-8.
std::string fold(std::string_view s);

// fold(s) in lower case: "Đảng Bộ" -> "dang bo", the form key words and
// names are compared in. REQUIRES: valid UTF-8.
std::string folded_lower(std::string_view s);

// Whether fold(text::to_lower(s)) == folded, the folded term of a token
// (vi/terms.hpp), decided code point by code point without building it: most
// tokens differ at their first letter. REQUIRES: `s` is valid UTF-8.
bool lower_folds_to(std::string_view s, std::string_view folded);

// True when fold(s) differs from s, i.e. the text was typed with diacritics.
bool has_diacritics(std::string_view s);

}  // namespace vn::vi
