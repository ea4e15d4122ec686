#include "doc/code_shape.hpp"

#include <vector>

#include "doc/citations.hpp"
#include "text/utf8.hpp"

namespace vn::doc {
namespace {

// Capital letters only ("QD", "QĐ" is not ASCII and stays whole).
bool is_letter_part_ascii(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

// '/' as OCR misreads it, between two parts.
std::string slashes_mended(std::string_view code) {
  std::string out;
  for (size_t i = 0; i < code.size();) {
    const std::string_view rest = code.substr(i);
    size_t len = 0;
    for (std::string_view misread : {",/", "/'", "/\u2018", "/\u2019", "'/", "\u2019/", "/-", ";-", "\u00B0", "\u00A2", ";"})
      if (rest.starts_with(misread)) {
        len = misread.size();
        break;
      }
    for (std::string_view mark : kSlashReadings)
      if (len == 0 && rest.starts_with(mark)) len = mark.size();
    // A stop between two capitals ("36-HD.VPTW"); between digits it is a date's.
    auto capital = [](char c) { return c >= 'A' && c <= 'Z'; };
    if (len == 0 && rest[0] == '.' && i > 0 && capital(code[i - 1]) && i + 1 < code.size() && capital(code[i + 1]))
      len = 1;
    // A stop after the number, before a year or a capital: "27.2022/NĐ-CP", "1815.TTr-UBND".
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (len == 0 && rest[0] == '.' && i > 0 && i <= 4 && code.find_first_not_of("0123456789") == i &&
        i + 1 < code.size() && (capital(code[i + 1]) || (i + 5 < code.size() && digit(code[i + 1]) && code[i + 5] == '/')))
      len = 1;
    if (len > 0 && i > 0 && i + len < code.size()) {
      out.push_back('/');
      i += len;
    } else {
      out.push_back(code[i++]);
    }
  }
  return out;
}

// "06QD-TTg" -> "06/QD-TTg": a number glued to capitals that a separator
// follows; other codes as they are.
std::string number_set_apart(std::string code) {
  const size_t digits = code.find_first_not_of("0123456789");
  if (digits == 0 || digits == std::string::npos) return code;
  const size_t sep = code.find_first_of("-/", digits);
  if (sep == std::string::npos || !is_letter_part_ascii(std::string_view(code).substr(digits, sep - digits)))
    return code;
  return code.insert(digits, "/");
}

}  // namespace

bool is_party_issuer(std::string_view part) {
  for (std::string_view t : kPartyLevels)
    if (part.ends_with(t)) return true;
  return false;
}

std::string mend_code_shape(std::string_view raw) {
  // Letter parts as citations read them ("QDi" -> "QĐi", "NQITW" -> "NQ/TW"),
  // a number glued to the part after it set apart ("06QD-TTg").
  std::string code = normalize_code(number_set_apart(slashes_mended(raw)));
  std::vector<std::string> parts;
  for (size_t start = 0, i = 0; i <= code.size(); ++i)
    if (i == code.size() || code[i] == '-' || code[i] == '/') {
      parts.push_back(code.substr(start, i - start));
      start = i + 1;
    }
  // A year glued to what follows ("80/2015QH13"): two parts.
  for (size_t k = 1; k < parts.size(); ++k)
    if (parts[k].size() > 4 && text::all_digits(parts[k].substr(0, 4)) && (parts[k][0] == '1' || parts[k][0] == '2') &&
        !(parts[k][4] >= '0' && parts[k][4] <= '9')) {
      parts.insert(parts.begin() + static_cast<std::ptrdiff_t>(k) + 1, parts[k].substr(4));
      parts[k].resize(4);
    }
  std::string& number = parts[0];
  if (number.size() > 1 && (number[0] == 'O' || number[0] == 'o')) number[0] = '0';
  if (number.size() > 1 && (number[0] == 'l' || number[0] == 'L' || number[0] == 'I' || number[0] == 'i'))
    number[0] = '1';
  if (!text::all_digits(number)) return {};
  auto join = [&](std::string_view seps) {
    std::string out = parts[0];
    for (size_t k = 1; k < parts.size(); ++k) out.append(1, seps[k - 1]).append(parts[k]);
    return out;
  };
  const bool year = parts.size() > 2 && parts[1].size() == 4 && text::all_digits(parts[1]);
  if (parts.size() == 4 && year) return join("//-");  // 14/2025/QĐ-UBND
  if (parts.size() == 3 && year && !text::all_digits(parts[2])) return join("//");  // 80/2015/QH13
  if (parts.size() == 3 && !text::all_digits(parts[1]) && !text::all_digits(parts[2]))
    return join(is_party_issuer(parts[2]) ? "-/" : "/-");
  return code;
}

}  // namespace vn::doc
