#include "io/whole_file.hpp"

#include <gtest/gtest.h>

#include "test_util.hpp"

using vn::io::read_whole_file;

TEST(WholeFile, ReadsEveryByte) {
  vn::test::TempDir dir;
  std::string bytes(300'000, '\0');
  for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 31 % 251);
  vn::test::write_file(dir.path() / "f", bytes);
  vn::test::write_file(dir.path() / "empty", "");
  EXPECT_EQ(read_whole_file(dir.path() / "f"), bytes);
  EXPECT_EQ(read_whole_file(dir.path() / "empty"), "");
}

TEST(WholeFile, MissingOrUnreadableIsNothing) {
  vn::test::TempDir dir;
  EXPECT_EQ(read_whole_file(dir.path() / "missing"), std::nullopt);
  EXPECT_EQ(read_whole_file(dir.path()), std::nullopt);  // a directory
}
