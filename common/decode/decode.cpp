#include "decode/decode.hpp"

#include <cstring>
#include <optional>
#include <string_view>

#include "decode/legacy_encoding.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace vn::decode {
namespace {

DecodeResult failure(std::string reason) {
  DecodeResult r;
  r.error = std::move(reason);
  return r;
}

// UTF-16 (after the BOM) to UTF-8; unpaired surrogates are an error.
DecodeResult from_utf16(const std::string& bytes, bool big_endian) {
  if ((bytes.size() - 2) % 2 != 0) return failure("truncated UTF-16 (odd number of bytes)");
  std::string out;
  out.reserve(bytes.size());
  auto unit = [&](size_t i) {
    const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    return static_cast<char32_t>(big_endian ? (a << 8 | b) : (b << 8 | a));
  };
  for (size_t i = 2; i < bytes.size(); i += 2) {
    char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 4 > bytes.size()) return failure("truncated UTF-16 surrogate pair at byte offset " + std::to_string(i));
      const char32_t v = unit(i + 2);
      if (v < 0xDC00 || v > 0xDFFF) return failure("unpaired UTF-16 surrogate at byte offset " + std::to_string(i));
      u = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
      i += 2;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      return failure("unpaired UTF-16 surrogate at byte offset " + std::to_string(i));
    }
    text::append_utf8(out, u);
  }
  DecodeResult r;
  r.ok = true;
  r.text = text::to_nfc(out);
  r.source_encoding = big_endian ? "utf-16be" : "utf-16le";
  return r;
}

// Bytes that are not UTF-8 (the first ill-formed sequence at `bad`) read in
// the legacy Vietnamese encoding they look like, if any.
DecodeResult from_legacy(std::string_view bytes, size_t bad) {
  const std::optional<LegacyEncoding> legacy = detect_legacy_encoding(bytes);
  if (!legacy)
    return failure("invalid UTF-8 at byte offset " + std::to_string(bad) +
                   " and not a recognised legacy Vietnamese encoding (TCVN3, VNI-Windows, Windows-1258)");
  DecodeResult r;
  r.ok = true;
  r.text = legacy_to_utf8(bytes, *legacy);
  r.source_encoding = encoding_name(*legacy);
  return r;
}

}  // namespace

DecodeResult decode_text(std::string bytes) {
  if (bytes.size() >= 2) {
    const auto b0 = static_cast<unsigned char>(bytes[0]), b1 = static_cast<unsigned char>(bytes[1]);
    if (b0 == 0xFF && b1 == 0xFE) return from_utf16(bytes, false);
    if (b0 == 0xFE && b1 == 0xFF) return from_utf16(bytes, true);
  }
  std::string encoding = "utf-8";
  if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xEF\xBB\xBF", 3) == 0) {
    bytes.erase(0, 3);
    encoding = "utf-8-bom";
  }
  if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size()))
    return failure("binary data (NUL byte at offset " +
                   std::to_string(static_cast<const char*>(nul) - bytes.data()) + ")");
  if (const size_t bad = text::find_invalid_utf8(bytes); bad != text::kValid) {
    if (encoding == "utf-8-bom") return failure("invalid UTF-8 at byte offset " + std::to_string(bad));
    return from_legacy(bytes, bad);
  }
  DecodeResult r;
  r.ok = true;
  if (const std::optional<LegacyEncoding> legacy = detect_mojibake(bytes)) {
    r.text = repair_mojibake(bytes, *legacy);
    r.source_encoding = std::string(encoding_name(*legacy)) + "-mojibake";
    return r;
  }
  r.text = text::to_nfc(std::move(bytes));
  r.source_encoding = std::move(encoding);
  return r;
}

}  // namespace vn::decode
