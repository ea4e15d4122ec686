#include "doc/field_text.hpp"

#include <string_view>

#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace vn::doc {

std::string without_stray_quotes(std::string s) {
  auto count = [&](std::string_view q) {
    size_t n = 0;
    for (size_t at = s.find(q); at != std::string::npos; at = s.find(q, at + q.size())) ++n;
    return n;
  };
  const size_t opening = count("\u2018"), closing = count("\u2019"), straight = count("'");
  if ((opening > 0 && closing > 0) || straight >= 2) return s;
  auto gap = [](char c) { return c == ' ' || c == ',' || c == '.' || c == ';' || c == ':' || c == '(' || c == ')'; };
  for (std::string_view q : {"\u2018", "\u2019", "'"}) {
    for (size_t at = s.find(q); at != std::string::npos; at = s.find(q, at)) {
      const bool left = at == 0 || gap(s[at - 1]);
      const bool right = at + q.size() == s.size() || gap(s[at + q.size()]);
      if (left != right) s.erase(at, q.size());
      else at += q.size();
    }
  }
  return s;
}

std::string mend_title_punctuation(std::string s) {
  std::string out;
  out.reserve(s.size() + 4);
  const auto digit = [&](size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
  const auto capital = [&](size_t k) { return k < s.size() && ((s[k] >= 'A' && s[k] <= 'Z') || s.compare(k, 2, "Đ") == 0); };
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '-' && i > 0 && digit(i - 1) && s.compare(i, 3, "- -") == 0 && capital(i + 3)) {
      out.push_back('-');
      i += 2;
      continue;
    }
    const bool space_before = i > 0 && s[i - 1] == ' ', space_after = i + 1 < s.size() && s[i + 1] == ' ';
    if (c == '-' && i > 0 && i + 1 < s.size() && space_before != space_after) {
      if (!space_before) out.push_back(' ');
      out.push_back('-');
      if (!space_after) out.push_back(' ');
      continue;
    }
    if (c == '.' && i > 0 && !space_before && space_after && i + 2 < s.size()) {
      size_t k = i + 2;
      const char32_t next = text::next_code_point(s, k);
      if (text::is_letter_or_mark(next) && !text::is_upper(next)) {
        out.push_back(',');
        continue;
      }
    }
    out.push_back(c);
  }
  return out;
}

bool is_rule(std::string_view line) {
  size_t strokes = 0;
  for (size_t i = 0; i < line.size();) {
    const char32_t c = text::next_code_point(line, i);
    if (c == '_' || c == '-' || c == U'\u2013' || c == U'\u2014' || c == '=' || c == '~' || c == '*') ++strokes;
    else if (c != ' ') return false;
  }
  return strokes >= 3;
}

}  // namespace vn::doc
