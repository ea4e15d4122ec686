#include <gtest/gtest.h>

#include "doc/issuer.hpp"

TEST(Issuer, MendsFixedPhrasesOnly) {
  using vn::doc::mend_issuer;
  EXPECT_EQ(mend_issuer("~ ĐẢNG BỘ TỈNH LẠNG SƠN DPANG UÝ UỶ BAN NHÂN DÂN Tỉnh"),
            "ĐẢNG BỘ TỈNH LẠNG SƠN ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH");
  EXPECT_EQ(mend_issuer("ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH"), "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH");  // place kept
  EXPECT_EQ(mend_issuer("TỈNH ỦY THANH HÓA"), "TỈNH ỦY THANH HÓA");
  EXPECT_EQ(mend_issuer(""), "");
  EXPECT_EQ(vn::doc::body_signed_for("T/M TỈNH ỦY"), "TỈNH ỦY");
  EXPECT_EQ(vn::doc::body_signed_for("TM. UỶ BAN NHÂN DÂN"), "ỦY BAN NHÂN DÂN");
  EXPECT_EQ(vn::doc::body_signed_for("BÍ THƯ"), "");
}
