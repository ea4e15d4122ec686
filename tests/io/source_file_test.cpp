#include <gtest/gtest.h>

#include "io/source_file.hpp"
#include "test_util.hpp"

using namespace vn::io;
namespace fs = std::filesystem;

TEST(SourceFile, ReadsPlainAndZstdAndEnforcesTheLimit) {
  vn::test::TempDir dir;
  const std::string text(100000, 'x');
  vn::test::write_file(dir / "a.txt", text);
  vn::test::write_file(dir / "a.txt.zst", vn::test::zstd_compress(text));
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
  const std::string z = vn::test::zstd_compress(std::string(100000, 'y') + "tail");
  vn::test::write_file(dir / "trunc.txt.zst", z.substr(0, z.size() / 2));
  vn::test::write_file(dir / "garbage.txt.zst", "this is not zstd");
  vn::test::write_file(dir / "empty.txt.zst", "");
  for (const auto& e : walk_inputs({dir.path().string()}).entries) {
    auto r = read_source(e, 1 << 20);
    EXPECT_FALSE(r.ok) << e.path;
    EXPECT_NE(r.error.find("zstd"), std::string::npos) << r.error;
  }
}

// Issue 10: a link swapped in after the walk must not bring in a file from
// outside the tree, whether it replaces the file or a directory above it.
TEST(SourceFile, LinksSwappedInAfterTheWalkAreNotFollowed) {
  vn::test::TempDir dir, outside;
  vn::test::write_file(outside / "secret.txt", "mật khẩu");
  vn::test::write_file(dir / "tree/a.txt", "tài liệu");
  vn::test::write_file(dir / "tree/sub/b.txt", "tài liệu");
  const auto entries = walk_inputs({(dir / "tree").string()}).entries;
  ASSERT_EQ(entries.size(), 2u);
  ASSERT_TRUE(read_source(entries[0], 1 << 20).ok);
  fs::remove(dir / "tree/a.txt");
  fs::create_symlink(outside / "secret.txt", dir / "tree/a.txt");
  fs::remove_all(dir / "tree/sub");
  vn::test::write_file(outside / "b.txt", "mật khẩu");
  fs::create_directory_symlink(outside.path(), dir / "tree/sub");
  for (const auto& e : entries) {
    const auto r = read_source(e, 1 << 20);
    EXPECT_FALSE(r.ok) << e.path;
    EXPECT_EQ(r.bytes.find("mật khẩu"), std::string::npos);
  }
  EXPECT_EQ(read_source(entries[0], 1 << 20).error, "a symbolic link now (links below an input directory are not followed)");
  // A file named as an input may be a link: the user named it.
  EXPECT_TRUE(read_file((dir / "tree/a.txt").string(), 1 << 20).ok);
}

TEST(SourceFile, AMissingFileIsNoSuchFileAndOneGoneSinceTheWalkVanished) {
  vn::test::TempDir dir;
  EXPECT_EQ(read_file((dir / "missing.txt").string(), 1 << 20).error, "no such file");
  vn::test::write_file(dir / "a.txt", "text");
  const auto entries = walk_inputs({dir.path().string()}).entries;
  ASSERT_EQ(entries.size(), 1u);
  fs::remove(dir / "a.txt");
  EXPECT_EQ(read_source(entries[0], 1 << 20).error, "vanished before it could be read");
}
