#include <gtest/gtest.h>

#include "store/content_hash.hpp"
#include "test_util.hpp"

using namespace vn::store;

TEST(ContentHash, IsStableHex) {
  EXPECT_EQ(content_hash("abc").size(), 32u);
  EXPECT_EQ(content_hash("abc"), content_hash("abc"));
  EXPECT_NE(content_hash("abc"), content_hash("abd"));
}

// A file is hashed in pieces; the hash is the one of its bytes in one
// piece (indexes store model and channel ids made either way).
TEST(ContentHash, FileHashEqualsHashOfItsBytes) {
  vn::test::TempDir dir;
  std::string bytes;
  for (size_t i = 0; bytes.size() < 2'500'000; ++i) bytes += std::to_string(i * 7919) + (i % 13 ? " " : "\n");
  vn::test::write_file(dir.path() / "big", bytes);
  vn::test::write_file(dir.path() / "empty", "");
  EXPECT_EQ(file_content_hash(dir.path() / "big"), content_hash(bytes));
  EXPECT_EQ(file_content_hash(dir.path() / "empty"), content_hash(""));
  EXPECT_EQ(file_content_hash(dir.path() / "missing"), std::nullopt);
}
