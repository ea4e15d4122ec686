#include <gtest/gtest.h>

#include "vi/fold.hpp"

using namespace vn::vi;

TEST(Fold, RemovesEveryDiacritic) {
  EXPECT_EQ(fold("Đảng bộ tỉnh lần thứ XIX"), "Dang bo tinh lan thu XIX");
  EXPECT_EQ(fold("nghị quyết"), "nghi quyet");
  EXPECT_EQ(fold("18-NQ/TW"), "18-NQ/TW");
  EXPECT_TRUE(has_diacritics("bộ"));
  EXPECT_FALSE(has_diacritics("bo"));
}
