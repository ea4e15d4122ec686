#include "vi/fold.hpp"

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

bool has_diacritics(std::string_view s) {
  return !text::is_ascii(s) && fold(s) != s;
}

}  // namespace vn::vi
