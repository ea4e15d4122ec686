#include "restore/edit_distance.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

using namespace vn::restore;

TEST(EditDistance, Examples) {
  EXPECT_EQ(edit_distance(U"", U""), 0);
  EXPECT_EQ(edit_distance(U"abc", U""), 3);
  EXPECT_EQ(edit_distance(U"", U"ab"), 2);
  EXPECT_EQ(edit_distance(U"duoc", U"dugc"), 1);
  EXPECT_EQ(edit_distance(U"kitten", U"sitting"), 3);
  EXPECT_EQ(edit_distance(U"ab", U"ba"), 2);
  EXPECT_EQ(EditDistanceFrom(U"kitten").to(U"sitting"), 3);
  EXPECT_EQ(EditDistanceFrom(U"").to(U"abc"), 3);
  EXPECT_EQ(EditDistanceFrom(U"abc").to(U""), 3);
  EXPECT_EQ(EditDistanceFrom(U"được").to(U"đuọc"), 2);  // beyond ASCII
}

// The bit-parallel distance equals the dynamic programme on random strings
// over small alphabets (many near pairs), ASCII and not, up to 64 long.
TEST(EditDistance, BitParallelMatchesDefinition) {
  std::mt19937 rng(7);
  const std::u32string alphabets[] = {U"ab", U"abc", U"aăâbđ", U"abcdefghijklmnopqrstuvwxyz"};
  for (int trial = 0; trial < 20000; ++trial) {
    const std::u32string& alphabet = alphabets[trial % 4];
    auto random_string = [&](size_t most) {
      std::u32string s(std::uniform_int_distribution<size_t>(0, most)(rng), U'a');
      for (char32_t& c : s) c = alphabet[std::uniform_int_distribution<size_t>(0, alphabet.size() - 1)(rng)];
      return s;
    };
    const std::u32string a = random_string(trial % 10 == 0 ? 64 : 12), b = random_string(trial % 10 == 0 ? 70 : 16);
    ASSERT_EQ(EditDistanceFrom(a).to(b), edit_distance(a, b)) << trial;
  }
}
