// Symbols an OCR engine without Vietnamese reads for letters: "¢" for
// "ở", "¥" for "ý", "hi¢u" for "hiệu", "s&" for "số". The tokenizer keeps
// them inside a word after a letter (vi/tokenizer.hpp); the restorer also
// reads a symbol standing alone as a word, and reads every symbol as each
// of the letters it may stand for.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vi/tokenizer.hpp"

namespace vn::restore {

// The tokens the restorer reads: vi::tokenize's, plus a kWord token for
// every OCR letter symbol that stands alone between spaces (or at the
// start or end of a line), in order; "&" and "@" only before a lower-case
// word ("tình hình & địa bàn", not "R & D"). A symbol other than those two
// that opens a word, "¢" before a number of one or two digits, "$" before
// a number of one, and a symbol after a one-digit number that ends the
// word are letters of that token, which becomes a kWord: "¢c6", "¢6",
// "$6", "1¢" (for "có", "có", "số", "lệ"). "¢" or "©" directly before ")"
// opening a line is a kWord token too (a list item's "c)":
// restore/list_marker.hpp). A "|" alone after a word that takes a number
// ("khoản | Điều 3", "Điều |.", "tháng | năm") is a kNumber token: a 1, or
// an I, that the OCR read as a bar (bar_number_text). A token of a capital
// O and one to three digits is a kNumber too (number_with_o_for_zero).
void restoration_tokens(std::string_view text, std::vector<vi::Token>& out);

// The number a token of a capital O and one to three digits stands for,
// the O read for a 0 ("O1" -> "01"; restoration_tokens makes such a token
// a kNumber), or nullopt for other tokens. Not a small o: "o6" is as often
// "có" with its c lost.
std::optional<std::string> number_with_o_for_zero(std::string_view token);

// How a "|" that restoration_tokens made a number token is written: "I"
// after a word that takes a Roman numeral (restore/roman_numeral.hpp),
// "1" elsewhere.
inline std::string_view bar_number_text(bool after_roman_word) { return after_roman_word ? "I" : "1"; }

// The letter strings a lower-case token with OCR letter symbols may stand
// for: each symbol replaced by each letter it is read for ("¢" -> "o", "e",
// "c"), or, opening or ending a token of three or more, by nothing (a
// speck: "¢c6", "huyện®");
// at most kMaxSymbolReadings of them; empty when the token has no symbol.
inline constexpr size_t kMaxSymbolReadings = 9;
std::vector<std::u32string> symbol_readings(std::u32string_view token);

}  // namespace vn::restore
