#include <gtest/gtest.h>

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
