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

// Issue 14: the issuer's place and the place beside the date are the same
// words OCR damaged twice, rarely alike: the one that names a unit mends
// the other ("TỈNH ỦY BẮC LIFU" beside "Bạc Liêu, ngày ..."), never the
// reverse, and a place the issuer already names stays put.
TEST(Issuer, PlaceOfTheDateLineMendsTheIssuers) {
  const vn::doc::Gazetteer places = vn::doc::Gazetteer::parse(
      "province\ttỉnh\tBạc Liêu\t\tbefore-2025\nprovince\ttỉnh\tCà Mau\t\tbefore-2025\n"
      "district\thuyện\tU Minh\tCà Mau\tbefore-2025\ndistrict\thuyện\tThạnh Phú\tBến Tre\tbefore-2025\n",
      "test.tsv");
  using vn::doc::with_dated_place;
  EXPECT_EQ(with_dated_place("TỈNH ỦY BẮC LIFU VĂN PHÒNG", "Bạc Liêu", places), "TỈNH ỦY BẠC LIÊU VĂN PHÒNG");
  EXPECT_EQ(with_dated_place("HUYỆN ỦY U MINH", "U Minh", places), "HUYỆN ỦY U MINH");  // not "U U MINH"
  EXPECT_EQ(with_dated_place("ĐẢNG ỦY THẠNH PHÚ", "Thành Phố", places), "ĐẢNG ỦY THẠNH PHÚ");  // no such unit
  EXPECT_EQ(with_dated_place("TỈNH ỦY CÀ MAU", "Bạc Liêu", places), "TỈNH ỦY CÀ MAU");
}

// A commune named alike up to its marks in two provinces: the province an
// earlier place of the issuer lies in tells which ("HUYỆN AN LÃO": Hải
// Phòng, so Cẩm Văn, not Cẩm Vân of Thanh Hóa), and the place beside the
// date, read without that knowledge, takes the issuer's spelling.
TEST(Issuer, AnEarlierPlaceOfTheLineTellsTheProvince) {
  const vn::doc::Gazetteer places = vn::doc::Gazetteer::parse(
      "province\tthành phố\tHải Phòng\t\tboth\nprovince\ttỉnh\tThanh Hóa\t\tboth\n"
      "district\thuyện\tAn Lão\tHải Phòng\tbefore-2025\n"
      "commune\txã\tCẩm Vân\tThanh Hóa\tboth\ncommune\txã\tCẩm Văn\tHải Phòng\tbefore-2025\n",
      "test.tsv");
  EXPECT_EQ(vn::doc::mend_issuer("ĐẢNG BỘ HUYỆN AN LÃO ĐẢNG ỦY XÃ CẨM VÂN", &places),
            "ĐẢNG BỘ HUYỆN AN LÃO ĐẢNG ỦY XÃ CẨM VĂN");
  EXPECT_EQ(vn::doc::mend_issuer("ĐẢNG BỘ TỈNH THANH HÓA ĐẢNG ỦY XÃ CẨM VĂN", &places),
            "ĐẢNG BỘ TỈNH THANH HÓA ĐẢNG ỦY XÃ CẨM VÂN");
  using vn::doc::dated_place_from_issuer;
  EXPECT_EQ(dated_place_from_issuer("Cẩm Vân", "ĐẢNG BỘ HUYỆN AN LÃO ĐẢNG ỦY XÃ CẨM VĂN", places), "Cẩm Văn");
  EXPECT_EQ(dated_place_from_issuer("Cẩm Vân", "ĐẢNG ỦY XÃ CẨM VÂN", places), "Cẩm Vân");
  EXPECT_EQ(dated_place_from_issuer("Cẩm Vân", "ĐẢNG ỦY XÃ CAM VAN", places), "Cẩm Vân");  // no unit spelt so
}

// The issuer's province: a province it names, marks and all, else the
// province of a district it names that no other district shares; longer
// runs of words first, so that a word of a longer name ("THẠNH" of "THẠNH
// PHÚ") is not taken for a unit of its own.
TEST(Issuer, TheProvinceTheIssuersPlacesLieIn) {
  const vn::doc::Gazetteer places = vn::doc::Gazetteer::parse(
      "province\ttỉnh\tLâm Đồng\t\tboth\nprovince\ttỉnh\tBến Tre\t\tbefore-2025\n"
      "province\ttỉnh\tQuảng Trị\t\tboth\nprovince\ttỉnh\tĐồng Tháp\t\tboth\n"
      "district\thuyện\tChợ Lách\tBến Tre\tbefore-2025\ndistrict\thuyện\tThạnh Phú\tBến Tre\tbefore-2025\n"
      "district\thuyện\tChâu Thành\tBến Tre\tbefore-2025\ndistrict\thuyện\tChâu Thành\tĐồng Tháp\tbefore-2025\n"
      "commune\txã\tThanh\tQuảng Trị\tboth\n",
      "test.tsv");
  using vn::doc::issuer_province;
  EXPECT_EQ(issuer_province("TỈNH ỦY LÂM ĐỒNG", places), "Lâm Đồng");
  EXPECT_EQ(issuer_province("ĐẢNG BỘ HUYỆN CHỢ LÁCH ĐẢNG ỦY THỊ TRẤN THẠNH PHÚ", places), "Bến Tre");
  EXPECT_EQ(issuer_province("HUYỆN ỦY CHÂU THÀNH", places), "");  // a district of two provinces
  EXPECT_EQ(issuer_province("TỈNH ỦY LAM DONG", places), "");      // not the name as written
  EXPECT_EQ(issuer_province("ĐẢNG ỦY XÃ THẠNH", places), "");      // communes tell no province
  // A place one letter off the issuer's unit reads as that unit when it is
  // no unit of the issuer's province ("Thành Phố" is none of Bến Tre's).
  using vn::doc::dated_place_from_issuer;
  EXPECT_EQ(dated_place_from_issuer("Thành Phố", "HUYỆN ỦY THẠNH PHÚ", places), "Thạnh Phú");
  EXPECT_EQ(dated_place_from_issuer("Chợ Lách", "ĐẢNG BỘ HUYỆN CHỢ LÁCH ĐẢNG ỦY THỊ TRẤN THẠNH PHÚ", places),
            "Chợ Lách");  // a unit of the province: as it is
  EXPECT_EQ(dated_place_from_issuer("Thanh Phố", "HUYỆN ỦY CHÂU THÀNH", places), "Thanh Phố");  // nothing near it
}
