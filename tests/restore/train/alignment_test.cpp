#include <gtest/gtest.h>

#include <algorithm>

#include "restore/train/alignment.hpp"

using namespace vn::restore;

TEST(Alignment, PairsCleanTokensWithTheirOcr) {
  const auto a = align_tokens("Đảng bộ tỉnh lần thứ XIX", "Pang bo tinh 1an thir XIX");
  ASSERT_EQ(a.size(), 6u);
  EXPECT_EQ(a[0].clean, "Đảng");
  EXPECT_EQ(a[0].ocr, "Pang");
  EXPECT_EQ(a[3].ocr, "1an");
  EXPECT_EQ(a[4].ocr, "thir");
}

TEST(Alignment, HandlesDroppedAndSpuriousTokens) {
  const auto a = align_tokens("tổ chức thực hiện", "t6 ~ chirc hién");
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& t : a) got.emplace_back(t.clean, t.ocr);
  EXPECT_NE(std::find(got.begin(), got.end(), std::make_pair(std::string("thực"), std::string(""))), got.end());
  EXPECT_NE(std::find(got.begin(), got.end(), std::make_pair(std::string("hiện"), std::string("hién"))), got.end());
}

TEST(Alignment, CharacterEmissionsAttachSplits) {
  const auto e = char_emissions(U"thứ", U"thir");
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[2].first, U'ứ');
  EXPECT_EQ(e[2].second, U"ir");
  const auto d = char_emissions(U"được", U"dugc");
  EXPECT_EQ(d[0].second, U"d");
  EXPECT_EQ(d[2].second, U"g");
}
