// References to other documents ("Nghị quyết số 18-NQ/TW, ngày 25/10/2017").
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vi/tokenizer.hpp"

namespace vn::doc {

struct Citation {
  std::string key;   // "<type> <code>": "NQ 18-NQ/TW", "NĐ 29/2023/NĐ-CP"
  std::string type;  // abbreviation: NQ, NĐ, QĐ, KL, CT, TT, KH, BC, CV, TB, TTr, HD, QĐi, Luật ...
  std::string code;  // the code with OCR-damaged Đ abbreviations repaired ("2098-QB/TU" -> "2098-QĐ/TU")
  std::string date;  // ISO YYYY-MM-DD of the date that follows the code, else empty
  size_t offset;     // byte span of the code (and its type word, when there is one) in the text
  size_t length;
};

// Every reference to another document, in text order (a document cited
// twice gives two citations). A reference is a type word ("Nghị quyết",
// "Quyết định", ..., matched without diacritics) optionally followed by
// "số", then a code; or a bare code whose own type part names a type
// ("18-NQ/TW", "749/QĐ-TTg"). The document's own number (its "Số ..." line
// near the top) is not a citation. REQUIRES: valid UTF-8.
std::vector<Citation> extract_citations(std::string_view text);
// The same, given `tokens` = vi::tokenize(text) (saves tokenising twice).
std::vector<Citation> extract_citations(std::string_view text, const std::vector<vi::Token>& tokens);
// The same over a stretch of a huge text, read a piece at a time: `tokens`
// are those of the stretch (offsets in `text`), and `own_number_line` is
// number_line_span(text), found once.
std::vector<Citation> extract_citations(std::string_view text, const std::vector<vi::Token>& tokens,
                                        std::pair<size_t, size_t> own_number_line);

// Byte span [first, second) of the document's own "Số ..." line among the
// first lines of `text`, or {npos, npos} when there is none.
std::pair<size_t, size_t> number_line_span(std::string_view text);

// The code with its Đ abbreviations repaired where OCR read Đ as D, B or P
// (only in parts that are known abbreviations: QĐ, NĐ, ĐU, HĐND, ...).
std::string normalize_code(std::string_view code);

// The abbreviation of the type `words` name ("TỜ TRÌNH", "Kết luận": TTr,
// KL; any case, marks optional), or "".
std::string_view type_abbreviation(std::string_view words);

// `code` with a type part OCR damaged read as `type` (an abbreviation), when
// that part is no type nor issuer and one letter off it ("01-TTH/VPTU"
// for a tờ trình: "01-TTr/VPTU"), or is `type` with one P, D, B or O made
// an Đ by code repair ("27/ĐA-UBND" for a phương án: "27/PA-UBND"), or
// its Q read as O, D or Đ ("26-NĐ/TW" for a nghị quyết: "26-NQ/TW"). The
// type part is the letters after the number (and year) and their separator.
std::string with_type_part(const std::string& code, std::string_view type);

}  // namespace vn::doc
