// Unicode normalisation and case mapping (backed by utf8proc).
#pragma once
#include <string>
#include <string_view>

namespace vn::text {

// Canonical composition (NFC). Pure ASCII input is returned as is.
// REQUIRES: valid UTF-8.
std::string to_nfc(std::string_view s);
// The same, reusing `s` itself when it is NFC already (no copy: for
// texts of hundreds of megabytes).
std::string to_nfc(std::string&& s);

// True for code points in the quick-check set that to_nfc() passes through
// without calling utf8proc (exposed for tests).
bool is_nfc_inert(char32_t cp);

// Simple per-code-point lower- and upper-casing (no length-changing
// special cases). REQUIRES: valid UTF-8.
std::string to_lower(std::string_view s);
std::string to_upper(std::string_view s);

// How many capital and small letters `s` holds. REQUIRES: valid UTF-8.
struct CaseCounts {
  size_t upper = 0, lower = 0;
};
CaseCounts count_cases(std::string_view s);

// More capital than small letters ("PHÓ Bí THƯ": a heading in capitals
// that OCR or restoration lowered a letter of). REQUIRES: valid UTF-8.
inline bool mostly_upper(std::string_view s) {
  const CaseCounts c = count_cases(s);
  return c.upper > c.lower;
}

// Capitals and no small letter ("UBND", "PHÓ BÍ THƯ", "II."). REQUIRES:
// valid UTF-8.
inline bool all_upper(std::string_view s) {
  const CaseCounts c = count_cases(s);
  return c.upper > 0 && c.lower == 0;
}

// Whether `s` holds a letter (or a combining mark). REQUIRES: valid UTF-8.
bool has_letter(std::string_view s);

// Category helpers on single code points.
bool is_letter_or_mark(char32_t cp);
bool is_decimal_digit(char32_t cp);
bool is_upper(char32_t cp);
char32_t lower(char32_t cp);
char32_t upper(char32_t cp);

}  // namespace vn::text
