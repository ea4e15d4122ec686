#include "restore/flat_hash_map.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace vn::restore;

TEST(FlatHashMap, FindsEveryEntryAndNothingElse) {
  std::vector<std::pair<uint64_t, uint32_t>> entries;
  for (uint64_t k = 0; k < 1000; ++k) entries.emplace_back(k * 3, static_cast<uint32_t>(k));
  const FlatHashMap<uint64_t, uint32_t> map(entries);
  EXPECT_EQ(map.size(), 1000u);
  for (uint64_t k = 0; k < 1000; ++k) {
    ASSERT_NE(map.find(k * 3), nullptr);
    EXPECT_EQ(*map.find(k * 3), k);
    EXPECT_EQ(map.find(k * 3 + 1), nullptr);
  }
}

TEST(FlatHashMap, EmptyAndDuplicates) {
  const FlatHashMap<uint64_t, int> none;
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none.find(0), nullptr);
  const FlatHashMap<uint64_t, int> zero({{0, 5}});
  ASSERT_NE(zero.find(0), nullptr);
  EXPECT_EQ(*zero.find(0), 5);
  EXPECT_THROW((FlatHashMap<uint64_t, int>({{1, 1}, {1, 2}})), std::invalid_argument);
}

// Keys that are hashes already: IdentityHash takes the slot from their top bits.
TEST(FlatHashMap, IdentityHashKeys) {
  std::vector<std::pair<uint64_t, int>> entries;
  for (int i = 0; i < 100; ++i) entries.emplace_back(mix64(static_cast<uint64_t>(i)), i);
  const FlatHashMap<uint64_t, int, IdentityHash> map(entries);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(*map.find(mix64(static_cast<uint64_t>(i))), i);
  EXPECT_EQ(map.find(mix64(100)), nullptr);
}
