#include "io/running_binary.hpp"

#include <gtest/gtest.h>

namespace fs = std::filesystem;

TEST(RunningBinary, IsThisTestProgramAbsoluteAndResolved) {
  const fs::path self = vn::io::running_binary();
  ASSERT_FALSE(self.empty());
  EXPECT_TRUE(self.is_absolute());
  EXPECT_EQ(self.filename(), "unit_tests");
  EXPECT_TRUE(fs::is_regular_file(self));
  EXPECT_EQ(self, fs::canonical(self));  // no link left, no "." or ".."
}
