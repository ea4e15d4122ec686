// The 8-bit Vietnamese encodings of the 1990s-2000s: conversion to UTF-8,
// and recognising which one a file is in.
//
// TCVN 5712:1993 defines three nested tables. VN3 ("TCVN3", the ABC keyboard
// and the .VnTime fonts) has the 67 lower-case letters and the seven toneless
// capitals Ă Â Ê Ô Ơ Ư Đ; toned capitals were typed in an all-capitals font
// (.VnTimeH) with the lower-case codes, so a VN3 file cannot tell "Ủy" from
// "ủy". VN2 adds five combining tones (0xB0-0xB4) and 16 toned capitals in
// the gaps of 0xA0-0xFF. VN1 (glibc's "TCVN5712-1") adds the remaining 44
// toned capitals: 32 at 0x80-0x9F and 12 on C0 control codes
// (0x01 0x02 0x04-0x06 0x11-0x17). Files from Windows put Windows-1252
// punctuation (smart quotes, dashes, "…") at 0x80-0x9F instead, so those
// bytes mean different things in the two TCVN variants below.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vn::decode {

enum class LegacyEncoding : uint8_t {
  tcvn3,         // VN2 at 0xA0-0xFF (VN3 plus what VN2 adds there), Windows-1252 at 0x80-0x9F
  tcvn5712_1,    // VN1: every Vietnamese letter, capitals included; C0 and 0x80-0x9F are letters
  vni_windows,   // VNI: base letter + one mark byte (lower- and upper-case marks differ), else Windows-1252
  windows_1258,  // CP1258: some precomposed letters + combining tones at 0xCC 0xEC 0xDE 0xD2 0xF2
};

// The name recorded as DecodeResult::source_encoding: "tcvn3", "tcvn5712-1",
// "vni-windows" or "windows-1258".
std::string_view encoding_name(LegacyEncoding encoding);

// Converts `bytes` to NFC UTF-8. Total: any byte string converts. Marks
// (VNI's mark bytes, TCVN's and CP1258's combining tones) combine with the
// letter before them when Vietnamese has the result; a mark that cannot is
// kept as a combining character. Bytes an encoding leaves undefined map to
// the code point of the same value (C1 controls at 0x81 0x8D 0x8F 0x90 0x9D).
std::string legacy_to_utf8(std::string_view bytes, LegacyEncoding encoding);

// The encoding in which `bytes` reads as Vietnamese, or nullopt when none
// does clearly. Judged on a sample of 16 KiB from the first byte >= 0x80:
// each candidate's reading is split into words, checked against the
// syllable template (vi/syllable.hpp). The winner needs at least three
// syllables with a non-ASCII letter, 80% of its non-ASCII words syllables
// and a lead of 0.3 in that share over every other reading, and half of all
// its words syllables (text in other Latin-script languages is not). TCVN3
// or TCVN5712-1 is chosen on the words holding the bytes they read
// differently, anywhere in `bytes`; TCVN3 when they tie.
std::optional<LegacyEncoding> detect_legacy_encoding(std::string_view bytes);

// True when `bytes`, a short passage (its first 16 KiB are judged), reads
// in `encoding` as Vietnamese more than not: at least one word of two or
// more letters with a non-ASCII letter is a syllable, and at least half of
// those words are. For the passages of a UTF-8 file that are not UTF-8,
// once detect_legacy_encoding() has chosen `encoding` from all of them: a
// stray byte inside an ASCII word does not pass.
bool reads_as_vietnamese(std::string_view bytes, LegacyEncoding encoding);

// "Mojibake": valid UTF-8 whose characters are legacy Vietnamese bytes once
// read as Windows-1252 (or Latin-1) and saved again, such as "Ph¬ng ¸n"
// (TCVN3 "Phương án") or "Vieät Nam" (VNI "Việt Nam"). Returns the encoding
// the bytes were in, or nullopt. Never fires on text with a character
// Windows-1252 lacks (so on none with ơ ư ă đ ạ ế ..., which all real
// Vietnamese text has), on ASCII, or on text whose words already read as
// Vietnamese syllables.
std::optional<LegacyEncoding> detect_mojibake(std::string_view utf8);

// The text mojibake `utf8` stood for: its Windows-1252 bytes read in
// `encoding` (NFC UTF-8).
// REQUIRES: valid UTF-8 in which every character is in Windows-1252 or is
// a C1 control (as detect_mojibake() having returned `encoding` ensures).
std::string repair_mojibake(std::string_view utf8, LegacyEncoding encoding);

}  // namespace vn::decode
