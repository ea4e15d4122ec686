#include "doc/code_shape.hpp"

#include <gtest/gtest.h>

using vn::doc::mend_code_shape;

TEST(CodeShape, WellFormedCodesStayAsTheyAre) {
  for (const char* c : {"283/TTr-UBND", "14/2025/QĐ-UBND", "14/UBND-NV", "689-NQ/TU", "1775-TB/BTGTU",
                        "29/2023/NĐ-CP", "18-NQ/TW", "45/KH", "12/BC-UBND-VP"})
    EXPECT_EQ(mend_code_shape(c), c) << c;
}

TEST(CodeShape, SlashesAsOcrReadsThem) {
  EXPECT_EQ(mend_code_shape("2:QĐ-TTg"), "2/QĐ-TTg");
  EXPECT_EQ(mend_code_shape("121:2025-QĐ-UBND"), "121/2025/QĐ-UBND");
  EXPECT_EQ(mend_code_shape("9-TB'BTGTU"), "9-TB/BTGTU");
  EXPECT_EQ(mend_code_shape("01-CV\u2018BTGTU"), "01-CV/BTGTU");
  EXPECT_EQ(mend_code_shape("135\u00B0UBND-NV"), "135/UBND-NV");
  EXPECT_EQ(mend_code_shape("10-KH/'UBKTTU"), "10-KH/UBKTTU");
  EXPECT_EQ(mend_code_shape("21,/ĐA-UBND"), "21/ĐA-UBND");
}

TEST(CodeShape, SeparatorsByTheIssuersKind) {
  EXPECT_EQ(mend_code_shape("1595-TTr-UBND"), "1595/TTr-UBND");  // a state body
  EXPECT_EQ(mend_code_shape("08-CV-ĐU"), "08-CV/ĐU");            // a Party body
  EXPECT_EQ(mend_code_shape("4-QDi/TU"), "4-QĐi/TU");
}

TEST(CodeShape, NumbersAndNoNumber) {
  EXPECT_EQ(mend_code_shape("O1-TTr/VPTU"), "01-TTr/VPTU");
  EXPECT_EQ(mend_code_shape("L009-CT/TW"), "1009-CT/TW");
  EXPECT_EQ(mend_code_shape("-TB/TW"), "");  // a draft's code before its number
  EXPECT_EQ(mend_code_shape("CTHTU"), "");
  EXPECT_EQ(mend_code_shape(""), "");
}
