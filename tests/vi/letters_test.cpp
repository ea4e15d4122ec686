#include <gtest/gtest.h>

#include "vi/letters.hpp"

using namespace vn::vi;

TEST(Letters, DecomposesAndComposesToneMarks) {
  auto d = decompose_vowel(U'ậ');
  ASSERT_TRUE(d);
  EXPECT_EQ(d->vowel, U'â');
  EXPECT_EQ(d->tone, Tone::kDot);
  EXPECT_EQ(compose_vowel(U'Ư', Tone::kTilde), U'Ữ');
  EXPECT_FALSE(decompose_vowel(U'đ'));
  EXPECT_EQ(strip_diacritics(U'Đ'), U'D');
  EXPECT_EQ(strip_diacritics(U'ờ'), U'o');
}
