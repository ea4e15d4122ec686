// Issuing bodies as document headers and signature blocks name them
// ("ĐẢNG BỘ TỈNH LẠNG SƠN", "ỦY BAN NHÂN DÂN TỈNH", "T/M TỈNH ỦY").
#pragma once
#include <string>
#include <string_view>

namespace vn::doc {

// `issuer` with leading noise (tokens without letters) dropped and every
// fixed header phrase ("ĐẢNG BỘ", "ĐẢNG ỦY", "ỦY BAN NHÂN DÂN TỈNH", "BAN
// THƯỜNG VỤ", "TỈNH ỦY", ...) written in its canonical capitals wherever
// the words match it after folding, a word of four or more letters being
// allowed one letter's difference ("DPANG UÝ" -> "ĐẢNG ỦY"). Other words
// (place names) are kept, upper-cased when the header is in capitals.
std::string mend_issuer(std::string_view issuer);

class Gazetteer;

// `issuer` (as mend_issuer() returns it) with each place after a unit word
// ("TỈNH DAK LAK", "HUYỆN ỦY QUẬN BA", "XÃ LÙNG CHÍNH") replaced by the
// name of the unit of that level `places` reads it as, in capitals, when
// it reads it unambiguously; the words up to the next fixed phrase are the
// place.
std::string mend_issuer_places(const std::string& issuer, const Gazetteer& places);

// The body a signature line signs on behalf of ("T/M TỈNH ỦY",
// "TM. ỦY BAN NHÂN DÂN" -> the mended body), or empty for other lines.
std::string body_signed_for(std::string_view line);

}  // namespace vn::doc
