#include "decode/decode.hpp"

#include <cstring>
#include <optional>
#include <string_view>

#include "decode/damaged_utf8.hpp"
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

// NUL bytes of `bytes` made spaces, and added to `damage` (at their
// offset + `base`).
void blank_nuls(std::string& bytes, uint64_t base, Damage& damage) {
  for (char* p = bytes.data(); (p = static_cast<char*>(std::memchr(p, '\0', bytes.data() + bytes.size() - p)));) {
    *p = ' ';
    damage.add({DamagedSpan::Kind::kNul, base + static_cast<uint64_t>(p - bytes.data()), 1, {}});
  }
}

// The reason a file with `damage` in `size` bytes is rejected, or "" when
// it is not: less than kMaxUnreadableShare of it is unreadable.
std::string too_damaged(const Damage& damage, uint64_t size) {
  const uint64_t unreadable = damage.unreadable_bytes();
  if (static_cast<double>(unreadable) <= kMaxUnreadableShare * static_cast<double>(size)) return {};
  const std::string share = ": " + std::to_string(unreadable) + " of " + std::to_string(size) +
                            " bytes are NUL or invalid UTF-8 (text may have 10 %)";
  if (const DamagedSpan* nul = damage.first(DamagedSpan::Kind::kNul))
    return "binary data (NUL byte at offset " + std::to_string(nul->offset) + ")" + share;
  const DamagedSpan* bad = damage.first(DamagedSpan::Kind::kInvalidUtf8);
  return "invalid UTF-8 at byte offset " + std::to_string(bad ? bad->offset : 0) +
         " and not a recognised legacy Vietnamese encoding (TCVN3, VNI-Windows, Windows-1258)" + share;
}

// Well-formed UTF-8 (NUL bytes blanked) as NFC text, repaired if mojibake.
void read_utf8(std::string&& bytes, DecodeResult& r) {
  if (const std::optional<LegacyEncoding> legacy = detect_mojibake(bytes)) {
    r.text = repair_mojibake(bytes, *legacy);
    r.source_encoding = std::string(encoding_name(*legacy)) + "-mojibake";
    return;
  }
  r.text = text::to_nfc(std::move(bytes));  // moved when already NFC: no copy of a huge text
}

// Bytes with ill-formed UTF-8: a legacy file as a whole (`bom` false, and
// mostly not UTF-8) when it is recognised as one, else UTF-8 with damage.
void read_ill_formed(const std::string& bytes, bool bom, uint64_t base, DecodeResult& r) {
  const Utf8Survey survey = survey_utf8(bytes);
  if (!bom && survey.ill_formed_bytes > survey.multibyte_chars) {
    if (const std::optional<LegacyEncoding> legacy = detect_legacy_encoding(bytes)) {
      r.text = legacy_to_utf8(bytes, *legacy);
      r.source_encoding = encoding_name(*legacy);
      return;
    }
  }
  r.text = read_damaged_utf8(bytes, detect_legacy_encoding(survey.passages), base, r.damage);
}

}  // namespace

DecodeResult decode_text(std::string bytes) {
  if (bytes.size() >= 2) {
    const auto b0 = static_cast<unsigned char>(bytes[0]), b1 = static_cast<unsigned char>(bytes[1]);
    if (b0 == 0xFF && b1 == 0xFE) return from_utf16(bytes, false);
    if (b0 == 0xFE && b1 == 0xFF) return from_utf16(bytes, true);
  }
  const uint64_t size = bytes.size();
  DecodeResult r;
  r.source_encoding = "utf-8";
  uint64_t base = 0;  // offset in the file of bytes[0]
  if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xEF\xBB\xBF", 3) == 0) {
    bytes.erase(0, 3);
    base = 3;
    r.source_encoding = "utf-8-bom";
  }
  blank_nuls(bytes, base, r.damage);
  if (text::find_invalid_utf8(bytes) == text::kValid) read_utf8(std::move(bytes), r);
  else read_ill_formed(bytes, base != 0, base, r);
  if (std::string reason = too_damaged(r.damage, size); !reason.empty()) return failure(std::move(reason));
  r.ok = true;
  return r;
}

}  // namespace vn::decode
