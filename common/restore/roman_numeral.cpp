#include "restore/roman_numeral.hpp"

#include <array>

namespace vn::restore {
namespace {

// The canonical numeral of n, 1 <= n <= 89.
std::string roman(int n) {
  static constexpr std::array<std::string_view, 10> kUnits = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
  static constexpr std::array<std::string_view, 9> kTens = {"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX"};
  return std::string(kTens[n / 10]) + std::string(kUnits[n % 10]);
}

// The value of `s` when it is a canonical numeral from 1 to `most`, else 0.
int canonical_value(std::string_view s, int most) {
  for (int n = 1; n <= most; ++n)
    if (roman(n) == s) return n;
  return 0;
}

}  // namespace

std::optional<std::string> read_damaged_roman(std::string_view token, bool after_numbering_word) {
  if (token == "H" && after_numbering_word) return "II";  // the two I's run together: "quý H"
  if (token.size() < 2 || token.size() > 7 || token.find_first_not_of("IVXL1l") != std::string_view::npos)
    return std::nullopt;
  if (token.find_first_of("IVX") == std::string_view::npos) return std::nullopt;  // "11", "ll"
  const bool tens_or_five = token.find_first_of("VX") != std::string_view::npos;
  if (!tens_or_five && !after_numbering_word) return std::nullopt;
  if (canonical_value(token, 89)) return std::nullopt;  // a numeral as it is ("XL" too)
  std::string read(token);
  for (char& c : read)
    if (c == '1' || c == 'l') c = 'I';
  if (canonical_value(read, 39)) return read;
  for (char& c : read)
    if (c == 'L') c = 'I';
  if (canonical_value(read, 39)) return read;
  return std::nullopt;
}

bool numbers_with_roman(std::string_view folded_word) {
  for (std::string_view w : {"khoa", "thu", "quy", "chuong", "phan", "muc", "dot", "ky"})
    if (folded_word == w) return true;
  return false;
}

}  // namespace vn::restore
