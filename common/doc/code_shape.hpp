// The shape of a document's own code as the formatting rules write it,
// mended from OCR: the number, then
//   state bodies:  "283/TTr-UBND", "14/2025/QĐ-UBND", "14/UBND-NV"
//   Party bodies:  "689-NQ/TU", "1775-TB/BTGTU" (the issuer ends in TW, TU,
//                  HU, ĐU, QU or ThU: Trung ương, tỉnh, huyện, đảng ủy, ...)
// OCR reads the '/' as ':', a quote, a degree sign or ",/", and a code's
// separators may come out as the other kind ("1595-TTr-UBND",
// "08-CV-ĐU"); a number's leading 0 as O and 1 as l or I.
#pragma once
#include <string>
#include <string_view>

namespace vn::doc {

// `code` with its separators mended as above and its letter parts read as
// citations read them (normalize_code: "QDi" -> "QĐi", "HDBND" -> "HĐND"); empty
// when it does not open with a number (a draft's "-TB/TW", junk). Codes
// of other shapes keep their separators.
std::string mend_code_shape(std::string_view code);

}  // namespace vn::doc
