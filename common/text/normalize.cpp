#include "text/normalize.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>

#include "text/utf8.hpp"

namespace vn::text {

namespace {

// Code points that are unchanged by NFC whatever surrounds them: no
// combining class, no canonical decomposition that NFC would apply, never
// the second half of a canonical composition. Covers ASCII, Latin-1,
// Latin Extended-A/B, IPA and spacing modifiers, Latin Extended Additional
// (all precomposed Vietnamese letters), common punctuation and currency, and
// the Latin ligatures OCR engines emit (ﬁ, ﬂ).
// tests/text_test.cpp checks every one of them against utf8proc.
bool nfc_inert(char32_t cp) {
  return cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2010 && cp <= 0x2027) ||
         (cp >= 0x2030 && cp <= 0x205E) || (cp >= 0x20A0 && cp <= 0x20C0) || (cp >= 0xFB00 && cp <= 0xFB06);
}

// True when `s` is certainly NFC already (quick check; false means "maybe").
bool quick_check_nfc(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    if (!nfc_inert(next_code_point(s, i))) return false;
  }
  return true;
}

}  // namespace

bool is_nfc_inert(char32_t cp) { return nfc_inert(cp); }

std::string to_nfc(std::string_view s) {
  if (quick_check_nfc(s)) return std::string(s);
  utf8proc_uint8_t* out = nullptr;
  const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                              static_cast<utf8proc_ssize_t>(s.size()), &out,
                              static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0) throw std::runtime_error(std::string("NFC normalisation failed: ") + utf8proc_errmsg(n));
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(out, &std::free);
  return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
}

std::string to_nfc(std::string&& s) {
  if (quick_check_nfc(s)) return std::move(s);
  return to_nfc(std::string_view(s));
}

std::string to_lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      ++i;
      continue;
    }
    append_utf8(out, lower(next_code_point(s, i)));
  }
  return out;
}

std::string to_upper(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) append_utf8(out, upper(next_code_point(s, i)));
  return out;
}

CaseCounts count_cases(std::string_view s) {
  CaseCounts c;
  for (size_t i = 0; i < s.size();) {
    const char32_t cp = next_code_point(s, i);
    if (lower(cp) != cp) ++c.upper;
    else if (upper(cp) != cp) ++c.lower;
  }
  return c;
}

bool is_letter_or_mark(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
      return true;
    default:
      return false;
  }
}

bool is_decimal_digit(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_ND;
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_LU;
}

char32_t lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
  return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
}

char32_t upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z' ? cp - 32 : cp;
  return static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(cp)));
}

bool has_letter(std::string_view s) {
  for (size_t i = 0; i < s.size();)
    if (is_letter_or_mark(next_code_point(s, i))) return true;
  return false;
}

}  // namespace vn::text
