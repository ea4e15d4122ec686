#include "vi/fold.hpp"

#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "vi/letters.hpp"

namespace vn::vi {

std::string fold(std::string_view s) {
  if (text::is_ascii(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const char32_t cp = text::next_code_point(s, i);
    text::append_utf8(out, strip_diacritics(cp));
  }
  return out;
}

std::string folded_lower(std::string_view s) { return text::to_lower(fold(s)); }

bool lower_folds_to(std::string_view s, std::string_view folded) {
  size_t j = 0;
  std::string encoded;
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {  // ASCII: lower-case only
      const char c = static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
      if (j == folded.size() || folded[j] != c) return false;
      ++i, ++j;
      continue;
    }
    encoded.clear();
    text::append_utf8(encoded, strip_diacritics(text::lower(text::next_code_point(s, i))));
    if (folded.substr(j, encoded.size()) != encoded) return false;
    j += encoded.size();
  }
  return j == folded.size();
}

bool has_diacritics(std::string_view s) {
  return !text::is_ascii(s) && fold(s) != s;
}

}  // namespace vn::vi
