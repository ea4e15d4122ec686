#include "restore/code_number.hpp"

#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace vn::restore {

bool is_code_number(std::string_view text, const vi::Token& token) {
  if (token.kind != vi::TokenKind::kNumber) return false;
  size_t i = token.offset + token.length;
  if (i >= text.size()) return false;
  const char32_t mark = text::next_code_point(text, i);
  if (mark == U' ' || mark == U'\t' || mark == U'\n' || mark == U'\r' || text::is_letter_or_mark(mark) ||
      (mark >= U'0' && mark <= U'9'))
    return false;
  return i < text.size() && text[i] >= '0' && text[i] <= '9';
}

}  // namespace vn::restore
