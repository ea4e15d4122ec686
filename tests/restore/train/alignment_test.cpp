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
