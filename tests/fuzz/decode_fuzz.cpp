// Fuzz target: decoding raw file bytes (decode/decode.hpp: UTF-8, UTF-16,
// legacy 8-bit Vietnamese encodings) and the text helpers every other
// stage relies on (text/normalize.hpp, text/whitespace.hpp).
#include <utf8proc.h>

#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_check.hpp"
#include "decode/decode.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "text/whitespace.hpp"

namespace {

using vn::fuzz::valid_utf8;

// utf8proc's own NFC of valid UTF-8, without the quick check of to_nfc.
std::string reference_nfc(std::string_view s) {
  utf8proc_uint8_t* out = nullptr;
  const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
                              &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  FUZZ_CHECK(n >= 0);
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(out, &std::free);
  return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
}

void check_helpers(const std::string& s) {
  // NFC: idempotent, and the quick check agrees with utf8proc.
  const std::string nfc = vn::text::to_nfc(s);
  FUZZ_CHECK(valid_utf8(nfc));
  FUZZ_CHECK(nfc == reference_nfc(s));
  FUZZ_CHECK(vn::text::to_nfc(nfc) == nfc);

  // Lower-casing: valid UTF-8, idempotent, plain ASCII lower-casing on ASCII.
  const std::string low = vn::text::to_lower(s);
  FUZZ_CHECK(valid_utf8(low));
  FUZZ_CHECK(vn::text::to_lower(low) == low);
  if (vn::text::is_ascii(s)) {
    FUZZ_CHECK(low.size() == s.size());
    for (size_t i = 0; i < s.size(); ++i)
      FUZZ_CHECK(low[i] == ((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]));
  }

  // Whitespace: no space at either end, never two in a row, no control bytes.
  const std::string flat = vn::text::collapse_whitespace(s);
  FUZZ_CHECK(valid_utf8(flat));
  FUZZ_CHECK(flat.empty() || (flat.front() != ' ' && flat.back() != ' '));
  FUZZ_CHECK(flat.find("  ") == std::string::npos);
  for (char c : flat) FUZZ_CHECK(static_cast<unsigned char>(c) > 0x20 || c == ' ');
  FUZZ_CHECK(vn::text::collapse_whitespace(flat) == flat);

  // Code points round-trip through UTF-32.
  FUZZ_CHECK(vn::text::to_utf8(vn::text::to_u32(s)) == s);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const vn::decode::DecodeResult r = vn::decode::decode_text(bytes);
  if (!r.ok) {
    FUZZ_CHECK(!r.error.empty());
    FUZZ_CHECK(r.text.empty());
  } else {
    FUZZ_CHECK(r.error.empty());
    FUZZ_CHECK(!r.source_encoding.empty());
    FUZZ_CHECK(valid_utf8(r.text));
    FUZZ_CHECK(vn::text::to_nfc(r.text) == r.text);
    // Decoding the text again gives it back, except where it cannot: a
    // leading U+FEFF is read as a BOM the second time, U+0000 (legal in
    // UTF-16 input) is damage in UTF-8 (read as a space), and text that looks like
    // legacy-encoded Vietnamese misread as Windows-1252 is repaired (which
    // may happen to what a legacy decoding produced).
    const bool leading_bom = r.text.starts_with("\xEF\xBB\xBF");
    const bool nul = r.text.find('\0') != std::string::npos;
    if (!leading_bom && !nul) {
      const vn::decode::DecodeResult again = vn::decode::decode_text(r.text);
      FUZZ_CHECK(again.ok);
      FUZZ_CHECK(again.source_encoding == "utf-8" || again.source_encoding.ends_with("-mojibake"));
      if (again.source_encoding == "utf-8") FUZZ_CHECK(again.text == r.text);
    }
    check_helpers(r.text);
  }
  // The raw bytes, when they are valid UTF-8 themselves (before NFC).
  if (valid_utf8(bytes)) {
    check_helpers(bytes);
    // Valid UTF-8 is read as UTF-8, or repaired when it is mojibake of a
    // legacy encoding (never read as a legacy 8-bit encoding itself).
    const bool bom = bytes.starts_with("\xEF\xBB\xBF");
    if (!bom && bytes.find('\0') == std::string::npos) {
      FUZZ_CHECK(r.ok);
      FUZZ_CHECK(r.source_encoding == "utf-8" || r.source_encoding.ends_with("-mojibake"));
      if (r.source_encoding == "utf-8") FUZZ_CHECK(r.text == vn::text::to_nfc(bytes));
    }
  }
  return 0;
}
