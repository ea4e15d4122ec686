// Fuzz target: tokenisation (vi/tokenizer.hpp), diacritic folding
// (vi/fold.hpp, vi/letters.hpp), tone placement (vi/tone.hpp) and the
// syllable parser (vi/syllable.hpp), on valid UTF-8 derived from the input.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fuzz_check.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "vi/fold.hpp"
#include "vi/letters.hpp"
#include "vi/syllable.hpp"
#include "vi/tokenizer.hpp"
#include "vi/tone.hpp"

namespace {

using vn::fuzz::on_boundary;
using vn::fuzz::valid_utf8;
using vn::vi::Token;
using vn::vi::TokenKind;

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool alnum(char32_t cp) { return vn::text::is_letter_or_mark(cp) || vn::text::is_decimal_digit(cp); }

void check_tokens(std::string_view text) {
  // tokenize() appends: what is already in `out` stays.
  std::vector<Token> tokens{{TokenKind::kWord, 7, 3}};
  vn::vi::tokenize(text, tokens);
  FUZZ_CHECK(tokens[0].kind == TokenKind::kWord && tokens[0].offset == 7 && tokens[0].length == 3);
  tokens.erase(tokens.begin());

  size_t prev_end = 0;
  for (const Token& t : tokens) {
    // Within the text, on code point boundaries, in order, not overlapping.
    FUZZ_CHECK(t.length > 0);
    FUZZ_CHECK(size_t{t.offset} + t.length <= text.size());
    FUZZ_CHECK(t.offset >= prev_end);
    FUZZ_CHECK(on_boundary(text, t.offset));
    FUZZ_CHECK(on_boundary(text, t.offset + t.length));
    prev_end = t.offset + t.length;

    const std::string_view s = t.text(text);
    FUZZ_CHECK(valid_utf8(s));
    // A token starts with a letter or digit and never holds a space or a
    // separator other than its joiners.
    size_t i = 0;
    FUZZ_CHECK(alnum(vn::text::next_code_point(s, i)));
    bool letter = false, digit = false;
    for (i = 0; i < s.size();) {
      const char32_t cp = vn::text::next_code_point(s, i);
      FUZZ_CHECK(cp > 0x20 && cp != 0x7F);
      if (vn::text::is_decimal_digit(cp)) digit = true;
      else if (vn::text::is_letter_or_mark(cp)) letter = true;
    }
    FUZZ_CHECK(s.back() != '-' && s.back() != '/' && s.back() != '.' && s.back() != ',');
    const bool joined = s.find_first_of("-/") != std::string_view::npos;
    switch (t.kind) {
      case TokenKind::kWord: FUZZ_CHECK(letter && !digit && !joined); break;
      case TokenKind::kNumber: FUZZ_CHECK(digit && !letter && !joined); break;
      case TokenKind::kCode: FUZZ_CHECK(joined && (letter || digit)); break;
      case TokenKind::kMixed: FUZZ_CHECK(letter && digit && !joined); break;
      default: FUZZ_CHECK(false);
    }
  }

  // Every letter and digit of the text is inside a token.
  size_t k = 0;
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    const char32_t cp = vn::text::next_code_point(text, i);
    while (k < tokens.size() && tokens[k].offset + tokens[k].length <= at) ++k;
    const bool covered = k < tokens.size() && tokens[k].offset <= at;
    if (!covered) FUZZ_CHECK(!alnum(cp));
  }

  // Words: tone placement and the syllable parser.
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kWord) continue;
    const std::string_view w = t.text(text);
    const std::string canon = vn::vi::canonical_tone(w);
    FUZZ_CHECK(valid_utf8(canon));
    FUZZ_CHECK(code_points(canon) == code_points(w));
    FUZZ_CHECK(vn::vi::canonical_tone(canon) == canon);
    FUZZ_CHECK(vn::vi::fold(canon) == vn::vi::fold(w));

    const std::string lower = vn::text::to_lower(w);
    if (const auto syl = vn::vi::parse_syllable(std::string_view(lower))) {
      const std::string spelled = vn::vi::spell(*syl);
      FUZZ_CHECK(valid_utf8(spelled));
      // The parse survives being written back and read again.
      const auto again = vn::vi::parse_syllable(std::string_view(spelled));
      FUZZ_CHECK(again.has_value());
      FUZZ_CHECK(again->onset == syl->onset && again->medial == syl->medial && again->nucleus == syl->nucleus &&
                 again->coda == syl->coda && again->tone == syl->tone);
      FUZZ_CHECK(vn::vi::spell(*again) == spelled);
      // Spelling puts the tone in its canonical place.
      FUZZ_CHECK(vn::vi::canonical_tone(std::string_view(spelled)) == spelled);
    }
  }
}

void check_fold(std::string_view text) {
  const std::string f = vn::vi::fold(text);
  FUZZ_CHECK(valid_utf8(f));
  FUZZ_CHECK(code_points(f) == code_points(text));
  FUZZ_CHECK(vn::vi::fold(f) == f);
  FUZZ_CHECK(!vn::vi::has_diacritics(f));
  FUZZ_CHECK(vn::vi::has_diacritics(text) == (f != text));

  for (size_t i = 0; i < text.size();) {
    const char32_t cp = vn::text::next_code_point(text, i);
    const char32_t stripped = vn::vi::strip_diacritics(cp);
    FUZZ_CHECK(vn::vi::strip_diacritics(stripped) == stripped);
    if (const auto d = vn::vi::decompose_vowel(cp)) {
      FUZZ_CHECK(vn::vi::compose_vowel(d->vowel, d->tone) == cp);
      const auto level = vn::vi::decompose_vowel(d->vowel);
      FUZZ_CHECK(level && level->vowel == d->vowel && level->tone == vn::vi::Tone::kLevel);
    }
  }
  std::u32string u = vn::text::to_u32(text);
  const size_t n = u.size();
  vn::vi::Tone tone = vn::vi::Tone::kLevel;
  const int marks = vn::vi::strip_tones(u, tone);
  FUZZ_CHECK(marks >= 0 && u.size() == n);
  FUZZ_CHECK((marks == 0) == (tone == vn::vi::Tone::kLevel));
  for (char32_t c : u)
    if (const auto d = vn::vi::decompose_vowel(c)) FUZZ_CHECK(d->tone == vn::vi::Tone::kLevel);

  // The parser on whatever it is given (it rejects what is no syllable).
  if (const auto syl = vn::vi::parse_syllable(text)) FUZZ_CHECK(valid_utf8(vn::vi::spell(*syl)));
  if (u.size() <= 16) (void)vn::vi::parse_syllable(std::u32string_view(vn::text::to_u32(text)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  // The text as the indexer sees it (decoded, NFC) ...
  const std::optional<std::string> text = vn::fuzz::decoded_text(data, size);
  if (text) {
    check_tokens(*text);
    check_fold(*text);
  }
  // ... and the raw bytes when they are valid UTF-8 (maybe not NFC).
  if (valid_utf8(bytes) && (!text || *text != bytes)) {
    check_tokens(bytes);
    check_fold(bytes);
  }
  return 0;
}
