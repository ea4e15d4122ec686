// UTF-8 primitives: validation, decoding one code point, encoding one.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace vn::text {

inline constexpr size_t kValid = static_cast<size_t>(-1);

// Returns the byte offset of the first ill-formed sequence in `s`
// (overlongs, surrogates and code points above U+10FFFF are ill-formed),
// or kValid when `s` is well-formed UTF-8.
size_t find_invalid_utf8(std::string_view s);

// The length (1-4) of the well-formed UTF-8 sequence starting at s[i], or 0
// when the bytes there are ill-formed (by find_invalid_utf8's rules).
// REQUIRES: i < s.size().
size_t sequence_length_at(std::string_view s, size_t i);

// Decodes the code point starting at s[i] and advances i past it.
// REQUIRES: s is valid UTF-8 and i < s.size().
inline char32_t next_code_point(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  auto cont = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F); };
  char32_t cp;
  if (b0 < 0xE0) {
    cp = ((b0 & 0x1F) << 6) | cont(1);
    i += 2;
  } else if (b0 < 0xF0) {
    cp = ((b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2);
    i += 3;
  } else {
    cp = ((b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
    i += 4;
  }
  return cp;
}

// `s` made valid UTF-8 for display and JSON: every byte of an ill-formed
// sequence is written as "\\xNN" (file names need not be UTF-8).
std::string escape_invalid_utf8(std::string_view s);

// `s` made safe to print to a terminal: escape_invalid_utf8(), and every
// control character (C0, DEL and C1: newlines, ESC sequences, "\r" that
// would overwrite a line) written as its bytes in "\\xNN" form. For names
// and paths, which an archive's users do not control.
std::string printable(std::string_view s);

// Appends the UTF-8 encoding of `cp` (a valid scalar value) to `out`.
void append_utf8(std::string& out, char32_t cp);

// Whole-string conversions. REQUIRES: valid input.
std::u32string to_u32(std::string_view s);
std::string to_utf8(std::u32string_view s);

inline bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// True for a non-empty run of ASCII digits ("2025", not "" or "2O25").
inline bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace vn::text
