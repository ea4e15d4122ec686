// Splitting text at one separator character, and where its lines begin.
#pragma once
#include <string_view>
#include <vector>

namespace vn::text {

// The pieces of `s` between occurrences of `at`, empty ones included
// ("a\t\tb" -> "a", "", "b"; "" -> one empty piece). Views into `s`.
std::vector<std::string_view> split(std::string_view s, char at);

// The start of the run of spaces and tabs that ends at byte `at` of `text`.
inline size_t blanks_before(std::string_view text, size_t at) {
  while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
  return at;
}

// Whether byte `at` of `text` opens its line but for spaces and tabs.
inline bool opens_line(std::string_view text, size_t at) {
  at = blanks_before(text, at);
  return at == 0 || text[at - 1] == '\n';
}

}  // namespace vn::text
