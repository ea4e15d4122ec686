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
// reads it as, in capitals, when it reads it unambiguously; a district's
// or a commune's is looked for first in the province an earlier place of
// the line lies in. With `ocr` too, the issuer as OCR read it before
// restoration (word for word; else it is ignored), a place is read from
// the OCR's same words where the restored ones name no unit of that
// province and the OCR's do, or where the restored ones name no unit
// unambiguously: restoration takes a minority name for Vietnamese words
// that its letters still show ("XÃ NAM TIẾN", a commune of other
// provinces, from OCR "XA NAM NEN" in Điện Biên: Nậm Nèn).
std::string mend_issuer(std::string_view issuer, const Gazetteer* places = nullptr, std::string_view ocr = {});

// `issuer` with the words that name the document's own place (the place
// of its place and date line, `place`: "Bạc Liêu") written as that place,
// in capitals, where OCR damaged them in one of the two lines only: one to
// three words whose folded letters, spaces left out, are one edit from the
// place's ("BẮC LIFU", "HOLTHUONG"). Only when `places` holds a unit of
// exactly that name and the words are no unit's name ("THẠNH PHÚ" stays
// beside a place misread as "Thành Phố"), and no words of the issuer
// already spell the place. Other issuers are returned as they are.
std::string with_dated_place(std::string_view issuer, std::string_view place, const Gazetteer& places);

// The other way: `place` as the issuer spells it where the two differ
// only in their marks ("Cẩm Vân" beside "ĐẢNG ỦY XÃ CẨM VĂN": Cẩm Văn),
// or by one letter when the place is no unit of the issuer's province
// (issuer_province; "Ninh Hưng" beside "HUYỆN VĨNH HƯNG", of Long An:
// Vĩnh Hưng), the issuer's words being exactly the name of a unit of
// `places`. The issuer's places were read knowing the province an earlier
// place of its line lies in (mend_issuer), which the place line alone does
// not tell.
std::string dated_place_from_issuer(std::string_view place, std::string_view issuer, const Gazetteer& places);

// The province the issuer's places lie in, or "": the longest run of one
// to three of its words that is exactly the name of a province, marks and
// all (in capitals), else of one district that no other district shares
// ("TỈNH ỦY LÂM ĐỒNG": Lâm Đồng; "ĐẢNG BỘ HUYỆN CHỢ LÁCH ĐẢNG ỦY THỊ TRẤN
// THẠNH PHÚ": Bến Tre). A place line's damaged name is read within it
// first (see extract_metadata: "Lam Pong" beside "TỈNH ỦY LÂM ĐỒNG" is Lâm
// Đồng, not the district Tam Nông elsewhere).
std::string issuer_province(std::string_view issuer, const Gazetteer& places);

// The body a signature line signs on behalf of ("T/M TỈNH ỦY",
// "TM. ỦY BAN NHÂN DÂN" -> the mended body), or empty for other lines.
std::string body_signed_for(std::string_view line);

}  // namespace vn::doc
