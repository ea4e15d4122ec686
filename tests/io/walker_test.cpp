#include <gtest/gtest.h>

#include "io/walker.hpp"
#include "test_util.hpp"

using namespace vn::io;
namespace fs = std::filesystem;

TEST(Walker, FindsTextFilesSortedAndSkipsOthers) {
  vn::test::TempDir dir;
  vn::test::write_file(dir / "b/2.txt", "b2");
  vn::test::write_file(dir / "a/1.txt.zst", vn::test::zstd_compress("a1"));
  vn::test::write_file(dir / "a/ignored.pdf", "%PDF");
  vn::test::write_file(dir / "c.txt", "c");
  fs::create_directory_symlink(dir.path(), dir / "a/loop");  // must not be followed
  const auto walk = walk_inputs({dir.path().string(), (dir / "c.txt").string()});
  const auto& entries = walk.entries;
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(fs::path(entries[0].path).filename(), "1.txt.zst");
  EXPECT_EQ(fs::path(entries[1].path).filename(), "2.txt");
  EXPECT_EQ(fs::path(entries[2].path).filename(), "c.txt");
  EXPECT_TRUE(walk.errors.empty());
}

TEST(Walker, ReportsMissingInputs) {
  const auto walk = walk_inputs({"/nonexistent/vnarchive"});
  EXPECT_TRUE(walk.entries.empty());
  ASSERT_EQ(walk.errors.size(), 1u);
  EXPECT_EQ(walk.errors[0].path, "/nonexistent/vnarchive");
}

TEST(Walker, LiesUnderIsTheRootOrInsideItWholeComponentsOnly) {
  EXPECT_TRUE(vn::io::lies_under("/a/b", "/a/b"));
  EXPECT_TRUE(vn::io::lies_under("/a/b/c.txt", "/a/b"));
  EXPECT_TRUE(vn::io::lies_under("/a/b/c.txt", "/"));
  EXPECT_FALSE(vn::io::lies_under("/a/bc/d.txt", "/a/b"));
  EXPECT_FALSE(vn::io::lies_under("/a", "/a/b"));
  EXPECT_EQ(vn::io::normal_input_path("/a/./b/../c/"), "/a/c/");
}
