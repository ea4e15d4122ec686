// Reading a UTF-8 file that holds bytes UTF-8 does not allow: stray or cut
// sequences, or passages pasted in from a legacy 8-bit encoding.
//
// The ill-formed bytes are found in passages: a passage starts at the word
// holding an ill-formed byte and runs on while the next ill-formed byte
// follows within 64 bytes of ASCII (legacy Vietnamese text has a byte >=
// 0x80 in most words), to the end of the word holding the last. Words are
// ASCII between white space; a well-formed multi-byte character ends a
// passage, so a passage holds ASCII and ill-formed bytes only.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "decode/damage.hpp"
#include "decode/legacy_encoding.hpp"

namespace vn::decode {

// What a first look at not-quite-UTF-8 bytes found.
struct Utf8Survey {
  uint64_t ill_formed_bytes = 0;  // bytes of no well-formed sequence
  uint64_t multibyte_chars = 0;   // well-formed sequences of two or more bytes
  std::string passages;           // the first passages, 16 KiB or so, one per line:
                                  // what detect_legacy_encoding() should judge
};

// One pass over `bytes`, keeping 16 KiB at most.
Utf8Survey survey_utf8(std::string_view bytes);

// `bytes` as NFC UTF-8: well-formed UTF-8 as it is; each passage converted
// from `legacy` when there is one and the passage reads as Vietnamese in it
// (reads_as_vietnamese()), else with every run of ill-formed bytes replaced
// by one U+FFFD. Adds each passage converted and each run replaced to
// `damage`, at its offset + `base` (the bytes' offset in the file).
std::string read_damaged_utf8(std::string_view bytes, std::optional<LegacyEncoding> legacy, uint64_t base,
                              Damage& damage);

}  // namespace vn::decode
