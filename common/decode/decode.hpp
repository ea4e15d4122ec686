// Turning a file's raw bytes into NFC UTF-8 text, or a reason why not.
#pragma once
#include <string>

namespace vn::decode {

struct DecodeResult {
  bool ok = false;
  std::string text;    // NFC UTF-8 when ok
  std::string error;   // human-readable reason when !ok
  std::string source_encoding;  // "utf-8", "utf-8-bom", "utf-16le", "utf-16be", a legacy
                                // encoding's name (decode/legacy_encoding.hpp: "tcvn3",
                                // "tcvn5712-1", "vni-windows", "windows-1258"), or that
                                // name + "-mojibake"
};

// Accepts UTF-8 (with or without BOM), UTF-16 LE/BE with a BOM, and text in
// a legacy 8-bit Vietnamese encoding (TCVN3, VNI-Windows, Windows-1258):
// bytes without a BOM that are not UTF-8 are converted when
// detect_legacy_encoding() recognises them. UTF-8 that is legacy Vietnamese
// once misread as Windows-1252 ("Ph¬ng ¸n") is repaired when
// detect_mojibake() recognises it; that check stops at the first character
// Windows-1252 lacks, so it costs nothing on real Vietnamese text and one
// scan on ASCII. Rejects binary data (NUL bytes outside UTF-16) and
// ill-formed UTF-8 that is no recognised legacy encoding, naming the byte
// offset of the first ill-formed sequence. Never throws on bad input.
DecodeResult decode_text(std::string bytes);

}  // namespace vn::decode
