#include "restore/token_case.hpp"

#include <algorithm>
#include <optional>

#include "text/normalize.hpp"
#include "text/split.hpp"
#include "text/utf8.hpp"
#include "vi/letters.hpp"
#include "vi/tone.hpp"

namespace vn::restore {

CasePattern case_pattern(std::string_view token) {
  size_t letters = 0, upper = 0;
  bool first_upper = false;
  for (size_t i = 0; i < token.size();) {
    const char32_t c = text::next_code_point(token, i);
    if (!text::is_letter_or_mark(c)) continue;
    if (text::is_upper(c)) {
      if (letters == 0) first_upper = true;
      ++upper;
    }
    ++letters;
  }
  if (letters >= 2 && upper == letters) return CasePattern::kUpper;
  return first_upper ? CasePattern::kCapitalised : CasePattern::kLower;
}

std::string apply_case(CasePattern pattern, std::u32string_view restored) {
  std::u32string out(restored);
  if (pattern == CasePattern::kUpper) {
    for (char32_t& c : out) c = text::upper(c);
  } else if (pattern == CasePattern::kCapitalised && !out.empty()) {
    out[0] = text::upper(out[0]);
  }
  return text::to_utf8(out);
}

std::string apply_case(std::string_view original, std::u32string_view restored) {
  return apply_case(case_pattern(original), restored);
}

namespace {

bool is_roman_numeral(std::string_view s) {
  return !s.empty() && s.size() <= 8 && s.find_first_not_of("IVXLC") == std::string_view::npos;
}

bool is_word(const vi::Token& t) { return t.kind == vi::TokenKind::kWord || t.kind == vi::TokenKind::kMixed; }

size_t letters_of(std::string_view t) {
  size_t n = 0;
  for (size_t k = 0; k < t.size();) n += text::is_letter_or_mark(text::next_code_point(t, k));
  return n;
}

// Whether the token at byte `at` opens its line or a sentence: only
// spaces before it on its line, or a stop, colon, question or exclamation
// mark and spaces.
bool opens_sentence(std::string_view text, size_t at) {
  if (text::opens_line(text, at)) return true;
  at = text::blanks_before(text, at);
  return text[at - 1] == '.' || text[at - 1] == ':' || text[at - 1] == '!' || text[at - 1] == '?';
}

}  // namespace

bool looks_like_abbreviation(std::string_view token) {
  size_t letters = 0;
  bool vowel = false;
  for (size_t i = 0; i < token.size();) {
    const char32_t c = text::next_code_point(token, i);
    if (text::is_decimal_digit(c)) return false;  // "G6M": a digit read for a vowel
    if (!text::is_letter_or_mark(c)) continue;
    if (!text::is_upper(c)) return false;
    ++letters;
    const char32_t base = vi::strip_diacritics(text::lower(c));
    vowel |= base == U'a' || base == U'e' || base == U'i' || base == U'o' || base == U'u' || base == U'y';
  }
  return letters >= 2 && (!vowel || is_roman_numeral(token));
}

CasePattern case_in_context(std::string_view text, const std::vector<vi::Token>& tokens, size_t i,
                            std::u32string_view restored) {
  const std::string_view token = tokens[i].text(text);
  const CasePattern own = case_pattern(token);
  // The case of the nearest word of two letters or more on each side, on
  // the same line, within a few tokens; nullopt when there is none.
  auto neighbour_upper = [&](int step) -> std::optional<bool> {
    for (size_t j = i + step, prev = i, n = 0; j < tokens.size() && n < 3; prev = j, j += step, ++n) {
      const size_t from = std::min(prev, j), to = std::max(prev, j);
      const size_t gap = tokens[from].offset + tokens[from].length;
      if (text.substr(gap, tokens[to].offset - gap).find_first_of("\n,;(") != std::string_view::npos) break;
      if (is_word(tokens[j]) && letters_of(tokens[j].text(text)) >= 2)
        return case_pattern(tokens[j].text(text)) == CasePattern::kUpper;
    }
    return std::nullopt;
  };
  const std::optional<bool> left = neighbour_upper(-1), right = neighbour_upper(+1);
  const bool upper_around = (left || right) && left.value_or(true) && right.value_or(true);
  const size_t letters = letters_of(token);
  if (token[0] == '$')  // the S of "$6" ("Số"; restore/ocr_symbols.hpp) is a capital where one would stand
    return upper_around ? CasePattern::kUpper
                        : opens_sentence(text, tokens[i].offset) ? CasePattern::kCapitalised : CasePattern::kLower;
  if (letters <= 1 && own == CasePattern::kCapitalised && upper_around) return CasePattern::kUpper;
  if (own == CasePattern::kCapitalised && !restored.empty() && restored[0] == U'l' &&
      (token[0] == 'I' || token[0] == 'J' || token[0] == '1'))
    return CasePattern::kLower;
  if (own == CasePattern::kUpper && letters <= 2 && !upper_around) return CasePattern::kCapitalised;
  return own;
}

bool same_word(std::string_view original, std::u32string_view syllable) {
  // Fast path for the common cases: an ASCII token is the syllable exactly
  // when it is ASCII too and equal up to case.
  if (text::is_ascii(original)) {
    if (original.size() != syllable.size()) return false;
    for (size_t i = 0; i < original.size(); ++i)
      if (static_cast<char32_t>(text::lower(static_cast<unsigned char>(original[i]))) != syllable[i]) return false;
    return true;
  }
  return vi::canonical_tone(text::to_lower(original)) == text::to_utf8(syllable);
}

}  // namespace vn::restore
