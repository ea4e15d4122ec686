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

// The body a signature line signs on behalf of ("T/M TỈNH ỦY",
// "TM. ỦY BAN NHÂN DÂN" -> the mended body), or empty for other lines.
std::string body_signed_for(std::string_view line);

}  // namespace vn::doc
