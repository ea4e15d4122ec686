#include <gtest/gtest.h>

#include "doc/lines.hpp"
#include "doc/title.hpp"

TEST(Title, TypeLinePlusSubjectOrSubjectLineOrFirstLine) {
  EXPECT_EQ(vn::doc::title_of("ĐẢNG BỘ TỈNH\n\n  BÁO   CÁO \nKiểm điểm công tác\nnhiệm kỳ"), "BÁO CÁO Kiểm điểm công tác");
  EXPECT_EQ(vn::doc::title_of("DANG BO TINH\nBAO CAO\nKiém diém"), "BAO CAO Kiém diém");
  EXPECT_EQ(vn::doc::title_of("UBND TỈNH\nSố: 1/UBND\nV/v đôn đốc thực hiện\nnhiệm vụ"), "V/v đôn đốc thực hiện");
  EXPECT_EQ(vn::doc::title_of("\n\nDòng đầu tiên\nDòng hai"), "Dòng đầu tiên");
  EXPECT_EQ(vn::doc::title_of(""), "");
  EXPECT_EQ(vn::doc::title_of(std::string(500, 'x'), 100).size(), 100u);
  EXPECT_EQ(vn::doc::title_of("ĐẢNG", 3), "Đ");  // never cuts a UTF-8 sequence
}

// Issue 10: a text without line breaks is one huge line; its title is read
// from its beginning without copying all of it.
TEST(Title, AHugeLineIsReadByItsBeginning) {
  std::string line;
  while (line.size() < (4u << 20)) line += "Báo cáo tổng kết   công tác ";
  EXPECT_EQ(vn::doc::title_of(line, 40), "Báo cáo tổng kết công tác Báo c");  // 40 bytes
  const vn::doc::Line l(line);
  EXPECT_LE(l.flat().size(), vn::doc::kMaxLayoutLineBytes);
  EXPECT_EQ(l.raw().size(), line.size());
}
