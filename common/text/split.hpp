// Splitting text at one separator character.
#pragma once
#include <string_view>
#include <vector>

namespace vn::text {

// The pieces of `s` between occurrences of `at`, empty ones included
// ("a\t\tb" -> "a", "", "b"; "" -> one empty piece). Views into `s`.
std::vector<std::string_view> split(std::string_view s, char at);

}  // namespace vn::text
