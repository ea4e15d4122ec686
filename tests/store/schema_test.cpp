#include <gtest/gtest.h>

#include "store/schema.hpp"

using namespace vn::store;

TEST(Schema, LongPathsGetHashedIdTerms) {
  EXPECT_EQ(schema::id_term("/a.txt"), "Q/a.txt");
  const std::string long_path(500, 'x');
  EXPECT_LE(schema::id_term(long_path).size(), schema::kMaxTermBytes);
  EXPECT_NE(schema::id_term(long_path), schema::id_term(long_path + "y"));
}
