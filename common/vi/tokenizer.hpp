// Segmentation of NFC text into the units the index and the restorer use.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace vn::vi {

enum class TokenKind : uint8_t {
  kWord,    // letters only: a syllable ("Đảng") or a foreign word ("ASEAN")
  kNumber,  // digits, optionally grouped by '.' or ',' ("2025", "1.250,5")
  kCode,    // letters/digits joined by '/' or '-' with a digit or '/'
            // ("18-NQ/TW", "29/2023/NĐ-CP", "T/M", "25/10/2017")
  kMixed,   // letters and digits with no separator ("06thang", "X1X", "H5N1")
};

struct Token {
  TokenKind kind;
  uint32_t offset;  // byte offset into the tokenised text
  uint32_t length;  // byte length
  std::string_view text(std::string_view source) const { return source.substr(offset, length); }
};

// Appends the tokens of `text` to `out`, in order. Punctuation, symbols and
// spaces separate tokens and produce none, except symbols OCR engines read
// for letters (¢ £ © ® @ & § ¥ €), which stay inside a word after a
// letter ("nhi¢m", "tr¢"). Letter-only runs joined by '-' ("Bà-Rịa") split into
// words, and so do lower-case ones joined by '/' ("đồng/năm"); digit-only
// runs joined by '-' ("2020-2025") split into numbers.
// REQUIRES: `text` is valid UTF-8 (NFC for meaningful results) and shorter
// than 4 GiB.
void tokenize(std::string_view text, std::vector<Token>& out);

// The symbols OCR engines read for letters: ¢ £ © ® @ & § ¥ €.
bool is_ocr_letter_symbol(char32_t cp);

}  // namespace vn::vi
