// Turning a file's raw bytes into NFC UTF-8 text, or a reason why not.
#pragma once
#include <string>

#include "decode/damage.hpp"

namespace vn::decode {

struct DecodeResult {
  bool ok = false;
  std::string text;    // NFC UTF-8 when ok
  std::string error;   // human-readable reason when !ok
  Damage damage;       // when ok: what of the bytes was not read as they stand (empty for clean text)
  std::string source_encoding;  // "utf-8", "utf-8-bom", "utf-16le", "utf-16be", a legacy
                                // encoding's name (decode/legacy_encoding.hpp: "tcvn3",
                                // "tcvn5712-1", "vni-windows", "windows-1258"), or that
                                // name + "-mojibake"
};

// A file of which more than this share of the bytes is unreadable (NUL, or
// ill-formed UTF-8 that no legacy reading made text of) is rejected: it is
// binary data, or text in an encoding this does not know. Text has none;
// random bytes have about half; Latin-1 French or German 2-7 %.
inline constexpr double kMaxUnreadableShare = 0.10;

// Accepts UTF-8 (with or without BOM), UTF-16 LE/BE with a BOM, and text in
// a legacy 8-bit Vietnamese encoding (TCVN3, VNI-Windows, Windows-1258):
// bytes without a BOM that are mostly not UTF-8 (fewer well-formed
// multi-byte characters than ill-formed bytes) are converted when
// detect_legacy_encoding() recognises them. UTF-8 that is legacy Vietnamese
// once misread as Windows-1252 ("Ph¬ng ¸n") is repaired when
// detect_mojibake() recognises it; that check stops at the first character
// Windows-1252 lacks, so it costs nothing on real Vietnamese text and one
// scan on ASCII.
//
// Damage does not reject the text; it is read around and reported in
// `damage`: NUL bytes (outside UTF-16) are read as spaces; UTF-8 holding
// ill-formed bytes is read by read_damaged_utf8() (decode/damaged_utf8.hpp):
// passages in a legacy encoding are converted when they read as Vietnamese,
// other ill-formed bytes become U+FFFD. Rejected, with the offset of the
// first NUL byte or ill-formed sequence: UTF-16 with an unpaired surrogate
// or an odd length, and text with more than kMaxUnreadableShare of its
// bytes unreadable. Never throws on bad input.
DecodeResult decode_text(std::string bytes);

}  // namespace vn::decode
