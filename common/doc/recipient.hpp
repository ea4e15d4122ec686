// The recipients of a document's "Nơi nhận:" list as OCR and restoration
// leave them: the items cut out of its lines (item_mark,
// split_run_on_items, clean_item), and each mended (mend_recipient).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vn::doc {

// One recipient mended by the forms the formatting rules prescribe (Nghị
// định 30/2020/NĐ-CP for state bodies, Hướng dẫn 36-HD/VPTW for the Party):
//   - the archive copy, last in the list: "Lưu: VT, TCCB" (state) or
//     "Lưu VT" / "Lưu VP, HSBH" / "Lưu Văn phòng Tỉnh ủy" (Party), whose
//     "Lưu" OCR reads as "Lit", "Luu", "Lw", "Litu", "Laru", and whose "VT" as
//     "Vì" or "WT"; the commas between unit codes read as stops ("VT. XD");
//   - "(b/c)" (báo cáo: for information) after a recipient, read as
//     "(bc)", "(b/e)", "(bô’cô)", "(bộ‘c)", "(biết)", "(bác)", "(bế)": two
//     to four letters, the first a b;
//   - its first letter a capital ("sở Tài chính": Sở);
//   - a stop after a word in small letters a comma ("Sở Tài chính. Sở
//     Nội vụ"): one item is one phrase.
// Anything else is returned as it is. REQUIRES: valid UTF-8, without the
// list's dash and trailing punctuation.
std::string mend_recipient(std::string item);

// Whether a line of the recipients list is a speck of the scan that OCR
// read as a word, part of no item: one word of one letter at most and no
// digit ("i)", "?", "©"). (clean_item drops one run onto an item's end.)
bool is_speck(std::string_view segment);

// The signer's name that OCR ran into the archive copy's line without a
// stop, from the signature column beside it ("- Lưu: VT, TP Huỳnh Anh
// Minh"): two to four words that open with a capital and hold a small
// letter, after a unit code in capitals. Cut off `item` and returned; ""
// (and `item` as it was) when there is none.
std::string signer_after_archive_copy(std::string& item);

// The bytes of the mark that opens a list item at `s`: "-" or "+", or
// what OCR reads a dash as on a scan ("»", "~", ">", "•", "*", "–", "—")
// when a space follows it; 0 when none does.
size_t item_mark(std::string_view s);

// A recipient without its dash and trailing punctuation (':' is ';' as OCR
// reads it), nor what OCR ran into it from the signature column beside the
// list: its "(Đã ký)" / "(Ký tên, đóng dấu)", damaged or not, with its
// parentheses or without ("Như trên, Ký tên, đóng dấu"), or a speck
// ("Đoàn ĐBQH tỉnh i)", "...; 7").
std::string clean_item(std::string s);

// Items OCR ran into one line, the dash of the later read as a mark other
// than "-" ("Đại biểu HĐND tỉnh ~ Lưu: VT, VP", "Chủ tịch, các PCT UBND
// tỉnh » Các sở, ban, ngành"): split at such a mark with spaces about it,
// each piece cleaned (clean_item); empty pieces dropped.
std::vector<std::string> split_run_on_items(std::vector<std::string> items);

}  // namespace vn::doc
