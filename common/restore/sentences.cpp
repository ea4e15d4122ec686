#include "restore/sentences.hpp"

#include "restore/list_marker.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace vn::restore {
namespace {

// Whether `word` opens with a small letter.
bool opens_small(std::string_view word) {
  size_t i = 0;
  const char32_t first = text::next_code_point(word, i);
  return text::is_letter_or_mark(first) && !text::is_upper(first);
}

// Whether a line opens with a list item's bullet ("- ", "+ ", "* ", "• ", "– ").
bool opens_item(std::string_view line) {
  const size_t at = line.find_first_not_of(" \t");
  if (at == std::string_view::npos) return false;
  line.remove_prefix(at);
  for (std::string_view bullet : {"-", "+", "*", "\u2022", "\u2013"})
    if (line.starts_with(bullet) && line.size() > bullet.size() && line[bullet.size()] == ' ') return true;
  return false;
}

// Whether the text between two tokens ends a sentence; `next` is the text
// from the second token on. A new line that opens a list item does. A
// blank line does unless the word after it opens with a small letter: OCR
// of a narrow column leaves blank lines inside a sentence ("đảng ủy
// trực\n\nthuộc").
bool ends_sentence(std::string_view gap, std::string_view next) {
  size_t newlines = 0;
  for (char c : gap) {
    if (c == '.' || c == '?' || c == '!' || c == ';' || c == ':') return true;
    if (c == '\n') ++newlines;
  }
  if (newlines > 0 && opens_item(gap.substr(gap.rfind('\n') + 1))) return true;
  return newlines >= 2 && blank_line_ends_sentence(next);
}

}  // namespace

bool blank_line_ends_sentence(std::string_view after) {
  // The first word: past white space and the marks before it ("-oa",
  // "(a)"), which split_sentences sees between tokens, not in one.
  for (size_t i = 0; i < after.size();) {
    const size_t at = i;
    const char32_t c = text::next_code_point(after, i);
    if (text::is_letter_or_mark(c) || text::is_decimal_digit(c)) return !opens_small(after.substr(at));
  }
  return true;
}

std::vector<std::pair<size_t, size_t>> split_sentences(std::string_view text, const std::vector<vi::Token>& tokens,
                                                       size_t max_tokens) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t begin = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const size_t gap_from = tokens[i].offset + tokens[i].length;
    const size_t gap_to = i + 1 < tokens.size() ? tokens[i + 1].offset : text.size();
    if (i + 1 == tokens.size() || i + 1 - begin >= max_tokens ||
        ends_sentence(text.substr(gap_from, gap_to - gap_from), text.substr(gap_to)) ||
        is_list_marker(text, tokens[i + 1])) {  // "a)", "i)" opening a line
      out.emplace_back(begin, i + 1);
      begin = i + 1;
    }
  }
  return out;
}

}  // namespace vn::restore
