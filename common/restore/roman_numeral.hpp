// Roman numerals the OCR damaged. Administrative texts number congresses,
// terms, chapters and quarters with them ("Đại hội lần thứ XIX", "khóa
// XII", "Chương II", "quý III"), and an OCR engine without Vietnamese reads
// their I as 1 or l, or as L next to another I: "X1I", "XVI1", "X111",
// "XIIL". Restoration keeps such tokens (they are no syllables); this
// writes the numeral they stand for.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace vn::restore {

// The numeral `token` stands for, or nullopt. A token stands for one when
// it holds only I V X L and the I look-alikes 1 and l, has at least one
// I, V or X, and reads, with every look-alike as I (an L too, when the
// token is no numeral as it is), as a numeral from 1 to 39 in its
// canonical form, which is not the token itself. A token without V or X
// ("I1", "Il") needs `after_numbering_word`: it follows a word that takes
// a numeral (khóa, thứ, quý, chương, phần, mục, đợt, kỳ). There "H" is
// "II", its two I's run together.
std::optional<std::string> read_damaged_roman(std::string_view token, bool after_numbering_word);

// Whether the folded, lower-case word (vi::folded_lower) takes a Roman
// numeral after it: "khoa", "thu", "quy", "chuong", "phan", "muc", "dot", "ky".
bool numbers_with_roman(std::string_view folded_word);

}  // namespace vn::restore
