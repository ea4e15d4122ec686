// Mending one recipient of a document's "Nơi nhận:" list as restoration
// and OCR leave it, by the forms the formatting rules prescribe (Nghị định
// 30/2020/NĐ-CP for state bodies, Hướng dẫn 36-HD/VPTW for the Party):
//   - the archive copy, last in the list: "Lưu: VT, TCCB" (state) or
//     "Lưu VT" / "Lưu VP, HSBH" / "Lưu Văn phòng Tỉnh ủy" (Party), whose
//     "Lưu" OCR reads as "Lit", "Luu", "Lw", "Litu", "Laru", and whose "VT" as
//     "Vì" or "WT"; the commas between unit codes read as stops ("VT. XD");
//   - "(b/c)" (báo cáo: for information) after a recipient, read as
//     "(bc)", "(b/e)", "(bô’cô)", "(bộ‘c)", "(biết)", "(bác)", "(bế)": two
//     to four letters, the first a b.
// Anything else is returned as it is.
#pragma once
#include <string>

namespace vn::doc {

// REQUIRES: valid UTF-8, without the list's dash and trailing punctuation.
std::string mend_recipient(std::string item);

}  // namespace vn::doc
