#include <gtest/gtest.h>

#include "restore/token_case.hpp"

using namespace vn::restore;

TEST(Restorer, CarriesTheCasePattern) {
  EXPECT_EQ(apply_case("PANG", U"đảng"), "ĐẢNG");
  EXPECT_EQ(apply_case("Pang", U"đảng"), "Đảng");
  EXPECT_EQ(apply_case("pang", U"đảng"), "đảng");
  EXPECT_EQ(apply_case("S6", U"số"), "Số");
  EXPECT_EQ(apply_case("1an", U"lần"), "lần");
  EXPECT_EQ(apply_case("A", U"à"), "À");
}
