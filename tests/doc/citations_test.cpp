#include <gtest/gtest.h>

#include "doc/citations.hpp"

using vn::doc::extract_citations;

TEST(Citations, OcrDamagedAndEdgeCases) {
  const std::string text = "theo Quyết định số 2098-QB/TU, ngay 10/02/2025 cua Tinh uy";
  auto c = extract_citations(text);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "QĐ 2098-QĐ/TU");
  EXPECT_EQ(c[0].date, "2025-02-10");
  EXPECT_EQ(text.substr(c[0].offset, c[0].length), "Quyết định số 2098-QB/TU");

  c = extract_citations("Can cu Nghi dinh so 29/2023/ND-CP ngay 03 thang 6 nam 2023 cua Chinh phu");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "NĐ 29/2023/NĐ-CP");
  EXPECT_EQ(c[0].date, "2023-06-03");

  c = extract_citations("Luật số 80/2015/QH13 và Nghị quyết 25/2021/QH15; bare 18-NQ/TW; Dang uy 5-NQ/DU");
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0].key, "Luật 80/2015/QH13");
  EXPECT_EQ(c[1].key, "NQ 25/2021/QH15");
  EXPECT_EQ(c[2].key, "NQ 18-NQ/TW");
  EXPECT_TRUE(c[2].date.empty());
  EXPECT_EQ(c[3].key, "NQ 5-NQ/ĐU");

  // Dates, fractions and codes without a type are not citations; the own number is not either.
  EXPECT_TRUE(extract_citations("Đến ngày 31/5/2025, có 412/418 chi bộ; 2318-UBND").empty());
  // number/issuer-unit is an official letter's code; OCR breaks codes at their hyphen and '/'.
  const auto broken = extract_citations("Theo văn bản số 2318/UBND-KGVX; Kế hoạch số 268- KH/TU, Nghị quyết số 69-\nNQ/TU; 18-NQITW; 177/2024/NDB-CP");
  ASSERT_EQ(broken.size(), 5u);
  EXPECT_EQ(broken[0].key, "CV 2318/UBND-KGVX");
  EXPECT_EQ(broken[1].key, "KH 268-KH/TU");
  EXPECT_EQ(broken[2].key, "NQ 69-NQ/TU");
  EXPECT_EQ(broken[3].key, "NQ 18-NQ/TW");
  EXPECT_EQ(broken[4].key, "NĐ 177/2024/NĐ-CP");
  EXPECT_TRUE(extract_citations("ĐẢNG BỘ TỈNH\nSố 103-BC/ĐU      Lạng Sơn, ngày 06 tháng 8 năm 2025\n").empty());
  EXPECT_EQ(vn::doc::normalize_code("38/2024/NQ-HDND"), "38/2024/NQ-HĐND");
  EXPECT_EQ(vn::doc::normalize_code("12-BC/TU"), "12-BC/TU");
}

// Scans read a code's '/' as J or A, or as "/J" and "/A"; a type part one
// letter off the type word's ("NbD" under a Nghị định) is that type.
TEST(Citations, SlashesReadAsLettersAndTypePartsOneLetterOff) {
  auto key = [](const std::string& text) {
    const auto c = extract_citations(text);
    return c.size() == 1 ? c[0].key : std::to_string(c.size()) + " citations";
  };
  EXPECT_EQ(key("Theo Nghị quyết 19-NQJTW của Bộ Chính trị"), "NQ 19-NQ/TW");
  EXPECT_EQ(key("Quán triệt Hướng dẫn 36-HDAVPTW của Văn phòng"), "HD 36-HD/VPTW");
  EXPECT_EQ(key("Thực hiện Nghị quyết 19-NQ/JTW của Ban Chấp hành"), "NQ 19-NQ/TW");
  EXPECT_EQ(key("Theo Quyết định 132-QĐ/ADU của Đảng ủy"), "QĐ 132-QĐ/ĐU");
  EXPECT_EQ(key("Theo Nghị định số 30;2020:NbD-CP, thời hạn"), "NĐ 30/2020/NĐ-CP");
  EXPECT_EQ(key("Theo Luật 80°2015-QH13 của Quốc hội"), "Luật 80/2015/QH13");
  // Letters that are no misread '/' stay.
  EXPECT_EQ(vn::doc::normalize_code("5-NQ/ANTW"), "5-NQ/ANTW");
  EXPECT_EQ(vn::doc::normalize_code("12/UBND-KGVX"), "12/UBND-KGVX");
}

// A huge text is read a piece at a time: the tokens of one stretch, offsets
// in the whole text, give that stretch's citations; the document's own
// number stays out of them.
TEST(Citations, AStretchOfAHugeText) {
  const std::string text = "Số 15/BC-UBND\nXem Nghị quyết số 18-NQ/TW.\nTheo Kế hoạch số 45/KH-UBND ngày 10/02/2025.\n";
  const size_t second = text.find("Theo");
  std::vector<vn::vi::Token> tokens;
  vn::vi::tokenize(std::string_view(text).substr(second), tokens);
  for (auto& t : tokens) t.offset += static_cast<uint32_t>(second);
  const auto c = extract_citations(text, tokens, vn::doc::number_line_span(text));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "KH 45/KH-UBND");
  EXPECT_EQ(text.substr(c[0].offset, c[0].length), "Kế hoạch số 45/KH-UBND");
  tokens.clear();
  vn::vi::tokenize(text, tokens);
  EXPECT_EQ(extract_citations(text, tokens, vn::doc::number_line_span(text)).size(), 2u);  // not 15/BC-UBND
}

// Issue 14: codes as OCR leaves them in running text.
TEST(Citations, CodesAsOcrLeavesThem) {
  auto keys = [](std::string_view text) {
    std::vector<std::string> out;
    for (const auto& c : vn::doc::extract_citations(text)) out.push_back(c.key);
    return out;
  };
  EXPECT_EQ(keys("theo Hướng dẫn số 36-HD/VPTW của Văn phòng"), (std::vector<std::string>{"HD 36-HD/VPTW"}));
  EXPECT_EQ(keys("Quy định số 11-QDi/TW của Ban"), (std::vector<std::string>{"QĐi 11-QĐi/TW"}));
  EXPECT_EQ(keys("theo Quyết định 263/QĐ -TTg của"), (std::vector<std::string>{"QĐ 263/QĐ-TTg"}));
  EXPECT_EQ(keys("theo Quyết định 263/QĐ- -TTg của"), (std::vector<std::string>{"QĐ 263/QĐ-TTg"}));
  EXPECT_EQ(keys("Thực hiện Quy định 22-QĐ:TW của"), (std::vector<std::string>{"QĐ 22-QĐ/TW"}));
  EXPECT_EQ(keys("Nghị quyết số 121 1/2016/UBTVQHI3. ngày"), (std::vector<std::string>{"NQ 1211/2016/UBTVQH13"}));
  EXPECT_EQ(keys("Thông tư số 01/201 1/TT-BNV ngày"), (std::vector<std::string>{"TT 01/2011/TT-BNV"}));
  EXPECT_EQ(keys("Công văn số 05-CV-TU của"), (std::vector<std::string>{"CV 05-CV/TU"}));
  EXPECT_EQ(keys("Nghị định 27/2022-NĐ-CP của"), (std::vector<std::string>{"NĐ 27/2022/NĐ-CP"}));
  EXPECT_EQ(keys("Quyết định 749'QĐ-TTg của"), (std::vector<std::string>{"QĐ 749/QĐ-TTg"}));
  EXPECT_EQ(keys("Luật số 80/2015QH13 ngày"), (std::vector<std::string>{"Luật 80/2015/QH13"}));
  EXPECT_EQ(keys("Chỉ thị số 05-CT/-TW ngày"), (std::vector<std::string>{"CT 05-CT/TW"}));
  EXPECT_EQ(keys("Nghị định số 114/20 18/NĐ-CP. Nó"), (std::vector<std::string>{"NĐ 114/2018/NĐ-CP"}));
  EXPECT_EQ(keys("Biên bản số 134-BB/ĐU ngày"), (std::vector<std::string>{"BB 134-BB/ĐU"}));
  // A '/' read as ';' or a degree sign, before a year or a type; a part
  // read as two words; "số" kept in digits.
  EXPECT_EQ(keys("Quyết định 90;QĐ-TTg của"), (std::vector<std::string>{"QĐ 90/QĐ-TTg"}));
  EXPECT_EQ(keys("Nghị định 56 178:2024-NĐ-CP ngày"), (std::vector<std::string>{"NĐ 178/2024/NĐ-CP"}));
  EXPECT_EQ(keys("Nghị định số 30°2020/NĐ-CP ngày"), (std::vector<std::string>{"NĐ 30/2020/NĐ-CP"}));
  EXPECT_EQ(keys("Nghị định số 62'2020'NĐ-CP ngày"), (std::vector<std::string>{"NĐ 62/2020/NĐ-CP"}));
  EXPECT_EQ(keys("Quyết định số 26/2020:QĐ-UBND ngày"), (std::vector<std::string>{"QĐ 26/2020/QĐ-UBND"}));
  EXPECT_EQ(keys("Nghị quyết 1211/2016; UBTVQH13 của"), (std::vector<std::string>{"NQ 1211/2016/UBTVQH13"}));
  EXPECT_EQ(keys("Nghị quyết 86 25:2021-QHI5 ngày"), (std::vector<std::string>{"NQ 25/2021/QH15"}));
  // The Assembly's term set apart; an issuer with a letter lowered.
  EXPECT_EQ(keys("Nghị quyết số 202/2025/QH 15. Nó"), (std::vector<std::string>{"NQ 202/2025/QH15"}));
  EXPECT_EQ(keys("Nghị quyết số 25/2021/QH IS, ngày"), (std::vector<std::string>{"NQ 25/2021/QH15"}));
  EXPECT_EQ(keys("Nghị quyết số 25/2021/QH ba"), (std::vector<std::string>{"NQ 25/2021/QH"}));
  EXPECT_EQ(keys("Nghị định số 62/2020/NĐ- cP ngày"), (std::vector<std::string>{"NĐ 62/2020/NĐ-CP"}));
  // Slashes read as spaces after "số"; a stop before a slash.
  EXPECT_EQ(keys("Nghị quyết số 1211 2016 UBTVQHI3, ngày"), (std::vector<std::string>{"NQ 1211/2016/UBTVQH13"}));
  EXPECT_EQ(keys("Thực hiện Nghị định 96 114 2018 ND-CP ngày"), (std::vector<std::string>{"NĐ 114/2018/NĐ-CP"}));
  EXPECT_EQ(keys("năm 2016 có 1211 2016 UBTVQH13 người"), (std::vector<std::string>{}));
  EXPECT_EQ(keys("Căn cứ Kết luận số 126-KL./TW, tuy"), (std::vector<std::string>{"KL 126-KL/TW"}));
  // A Party issuer restoration read as a word; a number glued to its type;
  // a type and an issuer with the '/' lost.
  EXPECT_EQ(keys("Kết luận số 17-KL‘Từ ngày"), (std::vector<std::string>{"KL 17-KL/TU"}));
  EXPECT_EQ(keys("Hướng dẫn số 02-HD-/Từ ngày"), (std::vector<std::string>{"HD 02-HD/TU"}));
  EXPECT_EQ(keys("Quyết định số 06QD-TTg ngày"), (std::vector<std::string>{"QĐ 06/QĐ-TTg"}));
  EXPECT_EQ(keys("Chương trình số 24-CTrUBKTTU ngày"), (std::vector<std::string>{"CTr 24-CTr/UBKTTU"}));
  // A type part one letter off the type word's.
  EXPECT_EQ(keys("Kết luận số 21-KE-TW ngày"), (std::vector<std::string>{"KL 21-KL/TW"}));
  EXPECT_EQ(keys("Kết luận số 126-K1/TW ngày"), (std::vector<std::string>{"KL 126-KL/TW"}));
  // "số" glued on by a stop; a doubled hyphen; a stop for the '/'.
  EXPECT_EQ(keys("Theo Chỉ thị s6.45-CT-TW ngày"), (std::vector<std::string>{"CT 45-CT/TW"}));
  EXPECT_EQ(keys("Nghị quyết số 19- -NQ/TW, tên"), (std::vector<std::string>{"NQ 19-NQ/TW"}));
  EXPECT_EQ(keys("Hướng dẫn số 36-HD.VPTW ngày"), (std::vector<std::string>{"HD 36-HD/VPTW"}));
  // A number and a type alone name no document; a number and an issuer do.
  EXPECT_EQ(keys("Hướng dẫn số 20-HD ngày"), (std::vector<std::string>{}));
  EXPECT_EQ(keys("Nghị định 64/CP của"), (std::vector<std::string>{"NĐ 64/CP"}));
  // A Q read as O (then repaired to Đ) under a type word that says Q; a
  // stop, a cent sign or a quote for a '/'; a hyphen after a space; a
  // stop after "số"; the Prime Minister's g read as y.
  EXPECT_EQ(keys("Căn cứ Nghị quyết số 26- NĐ/TW ngày"), (std::vector<std::string>{"NQ 26-NQ/TW"}));
  EXPECT_EQ(keys("Căn cứ Nghị định số 26-NĐ/TW ngày"), (std::vector<std::string>{"NĐ 26-NĐ/TW"}));
  EXPECT_EQ(keys("Thực hiện Nghị định số 27.2022/NĐ-CP ngày"), (std::vector<std::string>{"NĐ 27/2022/NĐ-CP"}));
  EXPECT_EQ(keys("Theo Tờ trình số 1815.TTr-UBND, ngày"), (std::vector<std::string>{"TTr 1815/TTr-UBND"}));
  EXPECT_EQ(keys("theo Chỉ thị 04¢CT-UBND của"), (std::vector<std::string>{"CT 04/CT-UBND"}));
  EXPECT_EQ(keys("Nghị quyết số 202/2025'/QH 15, ngày"), (std::vector<std::string>{"NQ 202/2025/QH15"}));
  EXPECT_EQ(keys("Quy định số 11 -QDI/TW ngày"), (std::vector<std::string>{"QĐi 11-QĐi/TW"}));
  EXPECT_EQ(keys("Theo Nghị quyết số. 25/202 1/QHIS ngày"), (std::vector<std::string>{"NQ 25/2021/QH15"}));
  EXPECT_EQ(keys("Chỉ thị 50 154/CT-TTy ngày"), (std::vector<std::string>{"CT 154/CT-TTg"}));
  EXPECT_EQ(keys("ngày 19.5.2018 của"), (std::vector<std::string>{}));
  // A '/' read as a space before a Party level or, after a year, a type.
  EXPECT_EQ(keys("theo Kết luận 6-KE TU của"), (std::vector<std::string>{"KL 6-KL/TU"}));
  EXPECT_EQ(keys("Căn cứ Thông tư số 02/2021 TT-BNV ngày"), (std::vector<std::string>{"TT 02/2021/TT-BNV"}));
  EXPECT_EQ(keys("Kết luận 6-KL TU"), (std::vector<std::string>{"KL 6-KL/TU"}));
  EXPECT_EQ(keys("có 2021 TT và 20-KL Tư"), (std::vector<std::string>{}));
  // ... or after "số" and a number, before a type part and more.
  EXPECT_EQ(keys("Quán triệt Tờ trình số 6 TTr-HĐND ngày"), (std::vector<std::string>{"TTr 6/TTr-HĐND"}));
  EXPECT_EQ(keys("gồm 6 TTr và 2 KL"), (std::vector<std::string>{}));
  // A number OCR read with O for 0 or I for 1.
  EXPECT_EQ(keys("tại Công văn số O1/BNV-TCBC ngày"), (std::vector<std::string>{"CV 01/BNV-TCBC"}));
  EXPECT_EQ(keys("Theo Kết luận số 2I- KL/TW ngày"), (std::vector<std::string>{"KL 21-KL/TW"}));
  EXPECT_EQ(keys("mục IO/BNV và OI-KL"), (std::vector<std::string>{}));
  // An issuer cut to one letter names no document either.
  EXPECT_EQ(keys("Chỉ thị số 05-C ngày"), (std::vector<std::string>{}));
  EXPECT_EQ(keys("Báo cáo số 49/BC-U ngày"), (std::vector<std::string>{}));
}
