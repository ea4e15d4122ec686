// Diacritic folding: the form a user types without Vietnamese input.
#pragma once
#include <string>
#include <string_view>

namespace vn::vi {

// Removes every diacritic (tone and quality marks, đ -> d), keeping case.
// "Đảng bộ" -> "Dang bo". REQUIRES: valid UTF-8.
std::string fold(std::string_view s);

// True when fold(s) differs from s, i.e. the text was typed with diacritics.
bool has_diacritics(std::string_view s);

}  // namespace vn::vi
