#include "restore/ocr_symbols.hpp"

#include <algorithm>

#include "restore/list_marker.hpp"
#include "text/edits.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "vi/fold.hpp"

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
    case U'$': return U"s";
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
// symbol opens a word ("¢c6" for "có"), "¢" a number of one or two
// digits ("¢6"), or "$" a number of one ("$6" for "số"): a letter of it.
// Not "&" or "@", which also stand for themselves ("&c"), nor a currency
// sign before an amount ("€100", "$60").
void absorb_opening_symbol(vi::Token& token, char32_t symbol, size_t at, size_t end) {
  const bool word = symbol >= 0x80 && (token.kind == vi::TokenKind::kWord || token.kind == vi::TokenKind::kMixed);
  const bool short_number = token.kind == vi::TokenKind::kNumber &&
                            ((symbol == U'¢' && token.length <= 2) || (symbol == U'$' && token.length == 1));
  if (token.offset != end || !(word || short_number)) return;
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

// The folded word (vi::folded_lower) that ends before byte `at`, across
// spaces and line breaks, without the punctuation around it; "" when none.
std::string folded_word_before(std::string_view text, size_t at) {
  while (at > 0 && (is_space_or_edge(text, at - 1) || text[at - 1] == '(')) --at;
  size_t begin = at;
  while (begin > 0 && !is_space_or_edge(text, begin - 1)) --begin;
  return vi::folded_lower(text.substr(begin, at - begin));
}

// Words a number follows in administrative and legal text ("khoản 1",
// "Điều 1", "tháng 1 năm", "Chương I"), folded; not those that fold as a
// word that a number does not follow ("quy", "so", "ky": "quy định",
// "so với", "ký").
bool takes_a_number(std::string_view folded_word) {
  for (std::string_view w : {"khoan", "dieu", "muc", "chuong", "phan", "luc", "thang", "ngay", "lan", "dot", "tiet"})
    if (folded_word == w) return true;
  // The commonest of them as OCR damages them: "khodn", "Digu", "thing".
  for (std::string_view w : {"khoan", "dieu", "chuong", "thang"})
    if (folded_word.size() >= 3 && text::within_one_edit(folded_word, w)) return true;
  return false;
}

// Whether the "|" at bytes [at, end) stands alone for a number: "1", or
// "I", that the OCR read as a bar ("khoản | Điều 3", "Điều |.",
// "tháng | năm"). Alone means between spaces or line ends, or before a
// stop or comma that ends the word; for a number, it follows a word that
// takes one. Elsewhere a bar is a speck ("môi | trường") and stays.
bool bar_stands_for_a_number(std::string_view text, size_t at, size_t end) {
  if (at != 0 && !is_space_or_edge(text, at - 1)) return false;
  if (!is_space_or_edge(text, end)) {
    const char c = text[end];
    if ((c != '.' && c != ',' && c != ';' && c != ':') || !is_space_or_edge(text, end + 1)) return false;
  }
  return takes_a_number(folded_word_before(text, at));
}

// The byte length of a quote an OCR engine reads for a slash (' ` ‘ ’)
// at byte `at`, or 0.
size_t slash_quote_length(std::string_view text, size_t at) {
  if (at < text.size() && (text[at] == '\'' || text[at] == '`')) return 1;
  const std::string_view q = text.substr(std::min(at, text.size()), 3);
  return q == "\u2018" || q == "\u2019" ? 3 : 0;
}

// Whether `part` is a code's letter part: capitals and digits, opening
// with a capital ("TU", "TW", "QH13", "BTGTU").
bool capital_part(std::string_view part) {
  size_t i = 0;
  if (part.empty() || !text::is_upper(text::next_code_point(part, i))) return false;
  while (i < part.size()) {
    const char32_t c = text::next_code_point(part, i);
    if (!text::is_upper(c) && !text::is_decimal_digit(c)) return false;
  }
  return true;
}

// Joins each code token of out[first..] and the letter part after it,
// across a quote the OCR read for the code's slash, into one code token:
// "17-KL‘TU", "4-QDi'TU", "80/2015‘QH13".
void join_codes_split_by_quotes(std::string_view text, std::vector<vi::Token>& out, size_t first) {
  size_t kept = first;
  for (size_t k = first; k < out.size(); ++k) {
    vi::Token& code = out[kept++] = out[k];
    if (code.kind != vi::TokenKind::kCode || k + 1 == out.size()) continue;
    const size_t end = code.offset + code.length;
    const size_t quote = slash_quote_length(text, end);
    const vi::Token& part = out[k + 1];
    if (quote == 0 || part.offset != end + quote || !capital_part(part.text(text))) continue;
    code.length = static_cast<uint32_t>(part.offset + part.length - code.offset);
    ++k;
  }
  out.resize(kept);
}

}  // namespace

void restoration_tokens(std::string_view text, std::vector<vi::Token>& out) {
  const size_t first = out.size();
  vi::tokenize(text, out);
  join_codes_split_by_quotes(text, out, first);
  for (size_t k = first; k < out.size(); ++k)
    if (out[k].kind == vi::TokenKind::kMixed && number_with_o_for_zero(out[k].text(text))) out[k].kind = vi::TokenKind::kNumber;
  std::vector<vi::Token> lone;
  size_t next = first;  // the first token of `out` that does not end before the symbol
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    const char32_t cp = text::next_code_point(text, i);
    if (cp == U'|') {
      if (bar_stands_for_a_number(text, at, i))
        lone.push_back({vi::TokenKind::kNumber, static_cast<uint32_t>(at), static_cast<uint32_t>(i - at)});
      continue;
    }
    if (!vi::is_ocr_letter_symbol(cp) && cp != U'$') continue;
    while (next < out.size() && out[next].offset + out[next].length < at) ++next;
    if (cp == U'$') {  // a letter only opening a short number ("$6")
      if ((at == 0 || is_space_or_edge(text, at - 1)) && next < out.size()) absorb_opening_symbol(out[next], cp, at, i);
    } else if (const vi::Token marker{vi::TokenKind::kWord, static_cast<uint32_t>(at), static_cast<uint32_t>(i - at)};
               is_list_marker(text, marker)) {  // "¢)" opening a line, for "c)"
      lone.push_back(marker);
    } else if (at != 0 && !is_space_or_edge(text, at - 1)) {  // inside or after a token
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

std::optional<std::string> number_with_o_for_zero(std::string_view token) {
  if (token.size() < 2 || token.size() > 4 || token[0] != 'O') return std::nullopt;
  for (size_t i = 1; i < token.size(); ++i)
    if (token[i] < '0' || token[i] > '9') return std::nullopt;
  return "0" + std::string(token.substr(1));
}

}  // namespace vn::restore
