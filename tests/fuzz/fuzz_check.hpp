// Shared by the libFuzzer targets (tests/fuzz/*_fuzz.cpp): invariant checks
// that abort, so that libFuzzer records the input as a crash.
#pragma once
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "decode/decode.hpp"
#include "text/utf8.hpp"

#define FUZZ_CHECK(cond)                                                                 \
  do {                                                                                   \
    if (!(cond)) {                                                                       \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                      \
    }                                                                                    \
  } while (0)

namespace vn::fuzz {

inline bool valid_utf8(std::string_view s) { return text::find_invalid_utf8(s) == text::kValid; }

// True when `offset` is not inside a multi-byte sequence of `s`.
inline bool on_boundary(std::string_view s, size_t offset) {
  return offset == s.size() || (offset < s.size() && (static_cast<unsigned char>(s[offset]) & 0xC0) != 0x80);
}

// The text the indexer reads from these bytes (decode_text: NFC UTF-8), or
// nullopt. Bytes that are neither UTF-8 nor UTF-16 go through the detection
// of legacy 8-bit encodings, which takes milliseconds per KB under ASan:
// only short ones do (decode_fuzz has the long ones), so that the time
// goes to the code under test.
inline std::optional<std::string> decoded_text(const uint8_t* data, size_t size, size_t legacy_max = 512) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const bool utf16 = bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
  if (size > legacy_max && !utf16 && !valid_utf8(bytes)) return std::nullopt;
  decode::DecodeResult r = decode::decode_text(std::string(bytes));
  if (!r.ok) return std::nullopt;
  return std::move(r.text);
}

}  // namespace vn::fuzz
