#include "restore/roman_numeral.hpp"

#include <gtest/gtest.h>

using vn::restore::numbers_with_roman;
using vn::restore::read_damaged_roman;

// The damage of the seeds: I read as 1 or l, or as L next to another I.
TEST(RomanNumeral, ReadsTheIOcrReadAsOneOrL) {
  EXPECT_EQ(read_damaged_roman("X1I", false), "XII");
  EXPECT_EQ(read_damaged_roman("XVI1", false), "XVII");
  EXPECT_EQ(read_damaged_roman("X111", false), "XIII");
  EXPECT_EQ(read_damaged_roman("XIIL", false), "XIII");
  EXPECT_EQ(read_damaged_roman("X1V", false), "XIV");
  EXPECT_EQ(read_damaged_roman("XlX", false), "XIX");
}

// Without V or X, only after a word that takes a numeral ("quý Il").
TEST(RomanNumeral, ShortOnesNeedAWordThatTakesANumeral) {
  EXPECT_EQ(read_damaged_roman("Il", false), std::nullopt);
  EXPECT_EQ(read_damaged_roman("Il", true), "II");
  EXPECT_EQ(read_damaged_roman("I1", true), "II");
  EXPECT_EQ(read_damaged_roman("H", true), "II");  // the two I's run together
  EXPECT_EQ(read_damaged_roman("H", false), std::nullopt);
  EXPECT_TRUE(numbers_with_roman("quy"));
  EXPECT_TRUE(numbers_with_roman("khoa"));
  EXPECT_FALSE(numbers_with_roman("nam"));
}

TEST(RomanNumeral, LeavesNumeralsAndOtherTokensAlone) {
  for (const char* t : {"XII", "XIX", "XL", "LX", "IV", "11", "ll", "X", "XI1X", "XXXXI", "X1Y", "Xl1l1"})
    EXPECT_EQ(read_damaged_roman(t, true), std::nullopt) << t;
}
