#include <gtest/gtest.h>
#include <zstd.h>

#include "io/source_file.hpp"
#include "io/walker.hpp"
#include "test_util.hpp"

using namespace vn::io;
namespace fs = std::filesystem;

namespace {

std::string zstd_compress(const std::string& s) {
  std::string out(ZSTD_compressBound(s.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), s.data(), s.size(), 3));
  return out;
}

}  // namespace

TEST(Walker, FindsTextFilesSortedAndSkipsOthers) {
  vn::test::TempDir dir;
  vn::test::write_file(dir / "b/2.txt", "b2");
  vn::test::write_file(dir / "a/1.txt.zst", zstd_compress("a1"));
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

TEST(SourceFile, ReadsPlainAndZstdAndEnforcesTheLimit) {
  vn::test::TempDir dir;
  const std::string text(100000, 'x');
  vn::test::write_file(dir / "a.txt", text);
  vn::test::write_file(dir / "a.txt.zst", zstd_compress(text));
  const auto entries = walk_inputs({dir.path().string()}).entries;
  ASSERT_EQ(entries.size(), 2u);
  for (const auto& e : entries) {
    auto r = read_source(e, 1 << 20);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.bytes, text);
    auto small = read_source(e, 1000);
    EXPECT_FALSE(small.ok);
    EXPECT_NE(small.error.find("max-file-size"), std::string::npos) << small.error;
  }
}

TEST(SourceFile, RejectsCorruptAndTruncatedZstd) {
  vn::test::TempDir dir;
  const std::string z = zstd_compress(std::string(100000, 'y') + "tail");
  vn::test::write_file(dir / "trunc.txt.zst", z.substr(0, z.size() / 2));
  vn::test::write_file(dir / "garbage.txt.zst", "this is not zstd");
  vn::test::write_file(dir / "empty.txt.zst", "");
  for (const auto& e : walk_inputs({dir.path().string()}).entries) {
    auto r = read_source(e, 1 << 20);
    EXPECT_FALSE(r.ok) << e.path;
    EXPECT_NE(r.error.find("zstd"), std::string::npos) << r.error;
  }
}
