// Whitespace clean-up for display strings.
#pragma once
#include <string>
#include <string_view>

namespace vn::text {

// Runs of spaces and control characters become one space; none at the
// ends ("  BÁO\tCÁO \n" -> "BÁO CÁO").
std::string collapse_whitespace(std::string_view s);

// `s` without its spaces ("bac lieu" -> "baclieu"): for comparing words
// that OCR glued or split ("HOLTHUONG", "NGH I").
inline std::string without_spaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out.push_back(c);
  return out;
}

}  // namespace vn::text
