#include <gtest/gtest.h>

#include "doc/gazetteer.hpp"
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

TEST(Issuer, ReadsThroughOcrNoise) {
  using vn::doc::mend_issuer;
  EXPECT_EQ(mend_issuer("HỘI ĐỒNG NHÂN DÂN — TỈNH ĐỒNG THÁP"), "HỘI ĐỒNG NHÂN DÂN TỈNH ĐỒNG THÁP");
  EXPECT_EQ(mend_issuer("HỘI] ĐỒNG NHÂN DÂN TỈNH ĐIỆN BIÊN"), "HỘI ĐỒNG NHÂN DÂN TỈNH ĐIỆN BIÊN");
  EXPECT_EQ(mend_issuer("HOLDONG NHÂN DÂN PHƯỜNG VĨNH LỢI"), "HỘI ĐỒNG NHÂN DÂN PHƯỜNG VĨNH LỢI");
  EXPECT_EQ(mend_issuer("ỦY BANNHANDAN HUYỆN CÀNG LONG"), "ỦY BAN NHÂN DÂN HUYỆN CÀNG LONG");
  EXPECT_EQ(mend_issuer("ĐẢNG BQ TỈNH QUẢNG TRỊ TỈNH ỦY"), "ĐẢNG BỘ TỈNH QUẢNG TRỊ TỈNH ỦY");
  EXPECT_EQ(mend_issuer("Chính PHỦ"), "CHÍNH PHỦ");
  EXPECT_EQ(mend_issuer("BỘ TÀI CHÍNH Dự thảo lần"), "BỘ TÀI CHÍNH");
  // A place that reads like a glued phrase with a letter lost stays.
  EXPECT_EQ(mend_issuer("ỦY BAN NHÂN DÂN QUẬN BÌNH THỦY"), "ỦY BAN NHÂN DÂN QUẬN BÌNH THỦY");
}

TEST(Issuer, PlacesReadWithTheGazetteer) {
  const vn::doc::Gazetteer places = vn::doc::Gazetteer::parse(
      "province\ttỉnh\tĐắk Lắk\t\tboth\nprovince\ttỉnh\tBạc Liêu\t\tbefore-2025\n"
      "district\thuyện\tQuản Bạ\tHà Giang\tbefore-2025\nprovince\ttỉnh\tHà Giang\t\tbefore-2025\n",
      "test.tsv");
  using vn::doc::mend_issuer;
  EXPECT_EQ(mend_issuer("ỦY BAN NHÂN DÂN TỈNH DAK LAK", &places), "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK");
  EXPECT_EQ(mend_issuer("TỈNH ỦY BAC LIEU VĂN PHÒNG", &places), "TỈNH ỦY BẠC LIÊU VĂN PHÒNG");
  EXPECT_EQ(mend_issuer("ĐẢNG BỘ TỈNH HÀ GIANG HUYỆN ỦY QUẬN BA", &places),
            "ĐẢNG BỘ TỈNH HÀ GIANG HUYỆN ỦY QUẢN BẠ");
  // A place of the wrong level, or none known, stays as it is.
  EXPECT_EQ(mend_issuer("ỦY BAN NHÂN DÂN XÃ BẠC LIÊU", &places), "ỦY BAN NHÂN DÂN XÃ BẠC LIÊU");
  EXPECT_EQ(mend_issuer("ỦY BAN NHÂN DÂN TỈNH XYZ", &places), "ỦY BAN NHÂN DÂN TỈNH XYZ");
}
