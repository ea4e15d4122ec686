// Metadata of a Vietnamese administrative document, read from its layout.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "doc/reference_lists.hpp"

namespace vn::doc {


struct Metadata {
  std::string type;     // canonical capitals: "BÁO CÁO", "NGHỊ QUYẾT", "CÔNG VĂN" (for "V/v" letters) ...
  std::string number;   // "103": the code's leading digits
  std::string code;     // "103-BC/ĐU", as written; empty when OCR left it no letters (its number may still be read)
  std::string place;    // "Lạng Sơn"
  std::string date;     // ISO "2025-08-06"; "2025-10" when OCR damaged the day
  std::string issuer;   // left header column, lines joined: "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG"
  std::string title;    // trích yếu after the type line, or the "V/v ..." subject, lines joined
  std::string signer;   // "Nguyễn Mạnh Tường"
  std::string signer_position;  // the last position line above the name: "PHÓ CHỦ TỊCH"
  std::vector<std::string> recipients;  // "Nơi nhận:" items, without "- " and trailing ",;."
  std::string draft;    // "Dự thảo", "Dự thảo lần 2", else empty
  std::vector<std::pair<std::string, int>> outline;  // section headings and their level (1 = top)
};

// Reads the metadata from the two-column layout of the header ("issuer |
// national motto", "Số ... | place, ngày ..."), the type and title lines,
// the body's numbered headings and the signature block ("Nơi nhận:" list |
// position lines and the signer's name). Key words are matched without
// diacritics so that lightly OCR-damaged text works; values are returned as
// written, except the issuer, whose fixed phrases are mended (doc/issuer.hpp)
// and which falls back to the body a "T/M ..." line signs for when the
// document has no header. Missing fields are left empty. REQUIRES: valid UTF-8.
//
// With `refs.places`, a place that names an administrative unit, however
// damaged ("Làm Đông", "Lam Pong"), is given as the unit's name ("Lâm
// Đồng"), and so is each place of the issuer ("TỈNH DAK LAK"); one that
// names none stays as written. With `refs.names`, the signer's name is read
// against the syllables of personal names (PersonNames::read), and with
// `ocr`, the text `text` was restored from, against the name as OCR read it
// (with `refs.ocr_likelihood`, by the OCR channel).
Metadata extract_metadata(std::string_view text, ReferenceLists refs = {}, std::string_view ocr = {});

}  // namespace vn::doc
