// Issuing bodies as document headers and signature blocks name them
// ("ĐẢNG BỘ TỈNH LẠNG SƠN", "ỦY BAN NHÂN DÂN TỈNH", "T/M TỈNH ỦY").
#pragma once
#include <string>
#include <string_view>

namespace vn::doc {

class Gazetteer;

// `issuer` with OCR noise dropped (tokens without letters, punctuation
// around words, a draft marker run on into it) and every fixed header
// phrase ("ĐẢNG BỘ", "ĐẢNG ỦY", "ỦY BAN NHÂN DÂN TỈNH", "BAN THƯỜNG VỤ",
// "TỈNH ỦY", ...) written in its canonical capitals wherever the words
// match it after folding: a word of four or more letters may be one letter
// off ("DPANG UÝ" -> "ĐẢNG ỦY"), a word may be several phrase words OCR
// glued ("HOLDONG"), one short word of a phrase may be one edit off ("ĐẢNG
// BQ"). Other words (place names) are kept, upper-cased when the header is
// in capitals. With `places`, the place after a unit word or a committee
// of one ("TỈNH DAK LAK", "HUYỆN ỦY QUẬN BA": the words up to the next
// fixed phrase) becomes the name of the unit of that level the gazetteer
// reads it as, in capitals, when it reads it unambiguously.
std::string mend_issuer(std::string_view issuer, const Gazetteer* places = nullptr);

// The body a signature line signs on behalf of ("T/M TỈNH ỦY",
// "TM. ỦY BAN NHÂN DÂN" -> the mended body), or empty for other lines.
std::string body_signed_for(std::string_view line);

}  // namespace vn::doc
