// Whitespace clean-up for display strings.
#pragma once
#include <string>
#include <string_view>

namespace vn::text {

// Runs of spaces and control characters become one space; none at the
// ends ("  BÁO\tCÁO \n" -> "BÁO CÁO").
std::string collapse_whitespace(std::string_view s);

}  // namespace vn::text
