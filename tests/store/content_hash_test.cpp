#include <gtest/gtest.h>

#include "store/content_hash.hpp"

using namespace vn::store;

TEST(ContentHash, IsStableHex) {
  EXPECT_EQ(content_hash("abc").size(), 32u);
  EXPECT_EQ(content_hash("abc"), content_hash("abc"));
  EXPECT_NE(content_hash("abc"), content_hash("abd"));
}
