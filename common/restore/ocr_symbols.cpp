#include "restore/ocr_symbols.hpp"

#include <algorithm>

#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace vn::restore {
namespace {

// What each symbol is read for, from our scan-style pages and the seeds:
// "¢" for ở/ơ/ệ/c, "&" for ở/ố/ề/a, "€" for ê, "@" for a/ở, "¥" for ý.
std::u32string_view letters_for(char32_t symbol) {
  switch (symbol) {
    case U'¢': return U"oec";
    case U'€': return U"e";
    case U'&': return U"oea";
    case U'@': return U"ao";
    case U'¥': return U"y";
    case U'©': return U"co";
    case U'®': return U"ro";
    case U'§': return U"s";
    case U'£': return U"fe";
    default: return {};
  }
}

bool is_space_or_edge(std::string_view text, size_t at) {
  return at >= text.size() || text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r';
}

// A letter, mark or digit starts the code point at `at` (false at the end).
bool word_char_at(std::string_view text, size_t at) {
  if (at >= text.size()) return false;
  const char32_t c = text::next_code_point(text, at);
  return text::is_letter_or_mark(c) || text::is_decimal_digit(c);
}

// A small letter (or a mark) starts the code point at `at`.
bool small_letter_at(std::string_view text, size_t at) {
  const char32_t c = text::next_code_point(text, at);
  return text::is_letter_or_mark(c) && !text::is_upper(c);
}

// "&" and "@" also stand for themselves ("R & D", "A & B"): alone, at
// bytes [begin, end), they are read as a letter only beside a word in
// small letters, as in running text ("& các", "nổi loạn & Haiti").
bool may_stand_for_a_letter(std::string_view text, char32_t symbol, size_t begin, size_t end) {
  if (symbol >= 0x80) return true;
  while (end < text.size() && text[end] == ' ') ++end;
  if (end < text.size() && small_letter_at(text, end)) return true;
  while (begin > 0 && text[begin - 1] == ' ') --begin;
  size_t word = begin;  // the start of the word before the spaces
  while (word > 0 && !is_space_or_edge(text, word - 1)) --word;
  return word < begin && small_letter_at(text, word);
}

// `token` absorbs the symbol at bytes [at, end) before it, when the
// symbol opens a word ("¢c6" for "có") or "¢" a number of one or two
// digits ("¢6"): a letter of it. Not "&" or "@", which also stand for
// themselves ("&c"), nor a currency sign before an amount ("€100").
void absorb_opening_symbol(vi::Token& token, char32_t symbol, size_t at, size_t end) {
  const bool word = token.kind == vi::TokenKind::kWord || token.kind == vi::TokenKind::kMixed;
  if (symbol < 0x80 || token.offset != end ||
      !(word || (token.kind == vi::TokenKind::kNumber && symbol == U'¢' && token.length <= 2)))
    return;
  token.offset = static_cast<uint32_t>(at);
  token.length += static_cast<uint32_t>(end - at);
  token.kind = vi::TokenKind::kWord;
}

// `token` absorbs the symbol at bytes [at, end) after it, when it is one
// digit and the symbol ends the word: a word OCR read with a digit for a
// letter ("1¢" for "lệ"). Not "&", whose "a" makes "1&" read as "là".
void absorb_closing_symbol(std::string_view text, vi::Token& token, char32_t symbol, size_t at, size_t end) {
  if (symbol < 0x80 || token.offset + token.length != at || token.kind != vi::TokenKind::kNumber ||
      token.length != 1 || word_char_at(text, end))
    return;
  token.length += static_cast<uint32_t>(end - at);
  token.kind = vi::TokenKind::kWord;
}

}  // namespace

void restoration_tokens(std::string_view text, std::vector<vi::Token>& out) {
  const size_t first = out.size();
  vi::tokenize(text, out);
  std::vector<vi::Token> lone;
  size_t next = first;  // the first token of `out` that does not end before the symbol
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    const char32_t cp = text::next_code_point(text, i);
    if (!vi::is_ocr_letter_symbol(cp)) continue;
    while (next < out.size() && out[next].offset + out[next].length < at) ++next;
    if (at != 0 && !is_space_or_edge(text, at - 1)) {  // inside or after a token
      if (next < out.size()) absorb_closing_symbol(text, out[next], cp, at, i);
    } else if (is_space_or_edge(text, i)) {  // alone
      if (may_stand_for_a_letter(text, cp, at, i))
        lone.push_back({vi::TokenKind::kWord, static_cast<uint32_t>(at), static_cast<uint32_t>(i - at)});
    } else if (next < out.size()) {  // before a token
      absorb_opening_symbol(out[next], cp, at, i);
    }
  }
  if (lone.empty()) return;
  // Merge in offset order (a lone symbol is never inside another token).
  std::vector<vi::Token> merged;
  merged.reserve(out.size() - first + lone.size());
  size_t j = 0;
  for (size_t k = first; k < out.size(); ++k) {
    while (j < lone.size() && lone[j].offset < out[k].offset) merged.push_back(lone[j++]);
    merged.push_back(out[k]);
  }
  merged.insert(merged.end(), lone.begin() + static_cast<long>(j), lone.end());
  out.resize(first);
  out.insert(out.end(), merged.begin(), merged.end());
}

std::vector<std::u32string> symbol_readings(std::u32string_view token) {
  if (std::none_of(token.begin(), token.end(), [](char32_t c) { return !letters_for(c).empty(); })) return {};
  std::vector<std::u32string> out{std::u32string()};
  for (size_t k = 0; k < token.size(); ++k) {
    const char32_t c = token[k];
    const std::u32string_view letters = letters_for(c);
    if (letters.empty()) {
      for (std::u32string& r : out) r.push_back(c);
      continue;
    }
    std::vector<std::u32string> next;
    // A symbol opening or ending a word of three or more may be a speck
    // beside it ("¢c6" for "có", "huyện®").
    if ((k == 0 || k + 1 == token.size()) && token.size() >= 3) next = out;
    for (const std::u32string& r : out)
      for (const char32_t l : letters)
        if (next.size() < kMaxSymbolReadings) next.push_back(r + l);
    out = std::move(next);
  }
  return out;
}

}  // namespace vn::restore
