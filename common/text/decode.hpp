// Turning a file's raw bytes into NFC UTF-8 text, or a reason why not.
#pragma once
#include <string>

namespace vn::text {

struct DecodeResult {
  bool ok = false;
  std::string text;    // NFC UTF-8 when ok
  std::string error;   // human-readable reason when !ok
  std::string source_encoding;  // "utf-8", "utf-8-bom", "utf-16le", "utf-16be"
};

// Accepts UTF-8 (with or without BOM) and UTF-16 LE/BE with a BOM.
// Rejects binary data (NUL bytes outside UTF-16) and ill-formed UTF-8,
// naming the byte offset. Never throws on bad input.
DecodeResult decode_text(std::string bytes);

}  // namespace vn::text
