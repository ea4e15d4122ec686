// The shape of a document's own code as the formatting rules write it,
// mended from OCR: the number, then
//   state bodies:  "283/TTr-UBND", "14/2025/QĐ-UBND", "14/UBND-NV"
//   Party bodies:  "689-NQ/TU", "1775-TB/BTGTU" (the issuer ends in TW, TU,
//                  HU, ĐU, QU or ThU: Trung ương, tỉnh, huyện, đảng ủy, ...)
// OCR reads the '/' as ':', a quote, a degree sign, a cent sign, ",/", "'/"
// or, after the number, a stop ("27.2022/NĐ-CP"), and a code's
// separators may come out as the other kind ("1595-TTr-UBND",
// "08-CV-ĐU"); a number's leading 0 as O and 1 as l or I.
#pragma once
#include <string>
#include <string_view>

namespace vn::doc {

// The marks OCR reads a code's '/' as, alone between two parts
// ("749'QĐ-TTg", "22-QĐ:TW", "3-NQ‘HU"), in the order they are tried.
inline constexpr std::string_view kSlashReadings[] = {":", "\u2018", "\u2019", "'"};

// True when `s` is one of kSlashReadings.
inline bool reads_as_slash(std::string_view s) {
  for (std::string_view mark : kSlashReadings)
    if (s == mark) return true;
  return false;
}

// The levels of Party bodies, as a code's issuer part ends: Trung ương,
// tỉnh, huyện, đảng ủy (and its OCR "DU", Đ not restored), quận, thành.
inline constexpr std::string_view kPartyLevels[] = {"TW", "TU", "HU", "ĐU", "DU", "QU", "ThU"};

// The issuer part of a Party code: its last letters name the level
// (kPartyLevels: "VPTW", "BTGTU", "ĐU").
bool is_party_issuer(std::string_view part);

// `code` with its separators mended as above and its letter parts read as
// citations read them (normalize_code: "QDi" -> "QĐi", "HDBND" -> "HĐND"); empty
// when it does not open with a number (a draft's "-TB/TW", junk). Codes
// of other shapes keep their separators.
std::string mend_code_shape(std::string_view code);

}  // namespace vn::doc
