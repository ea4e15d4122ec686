#include "restore/list_marker.hpp"

#include "text/normalize.hpp"
#include "text/split.hpp"
#include "text/utf8.hpp"

namespace vn::restore {

bool is_list_marker(std::string_view text, const vi::Token& token) {
  if (token.kind != vi::TokenKind::kWord) return false;
  const size_t end = token.offset + token.length;
  if (end >= text.size() || text[end] != ')') return false;
  size_t i = token.offset;
  const char32_t c = text::next_code_point(text, i);
  if (!(text::is_letter_or_mark(c) || c == U'¢' || c == U'©') || i != end) return false;  // one letter
  return text::opens_line(text, token.offset);
}

std::string_view list_marker_letter(std::string_view marker) {
  return marker == "¢" || marker == "©" ? "c" : marker;
}

}  // namespace vn::restore
