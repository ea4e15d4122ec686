// The nightly guards through the real vnindex: a refused run exits 2 with
// the reason and the way out on standard error, and the index is as it was.
#include <gtest/gtest.h>

#include "process_util.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;
using vn::test::quote;
using vn::test::run;

namespace {

// The command line of `vnindex index -q ARGS`, its standard error read with its output.
std::string vnindex(const std::string& args) { return "sh -c " + quote(std::string(VNINDEX_PATH) + " index -q " + args + " 2>&1"); }

std::string verify_line(const fs::path& db) {
  return run(std::string(VNINDEX_PATH) + " verify --db " + quote(db.string())).out;
}

}  // namespace

TEST(GuardsE2E, AnUnmountedArchiveIsNotPrunedAway) {
  vn::test::TempDir dir;
  for (int i = 0; i < 30; ++i) vn::test::write_file(dir / "src" / (std::to_string(i) + ".txt"), "Văn bản số " + std::to_string(i));
  const std::string db = quote((dir / "db").string()), src = quote((dir / "src").string());
  ASSERT_EQ(run(vnindex("--no-restore --db " + db + " " + src)).status, 0);
  fs::rename(dir / "src", dir / "elsewhere");
  fs::create_directories(dir / "src");  // the mount point, empty

  const auto refused = run(vnindex("--no-restore --prune --db " + db + " " + src));
  EXPECT_EQ(refused.status, 2);
  EXPECT_NE(refused.out.find("--prune would remove 30 of the 30 indexed documents"), std::string::npos) << refused.out;
  EXPECT_NE(verify_line(dir / "db").find(": 30 documents"), std::string::npos);

  EXPECT_EQ(run(vnindex("--no-restore --prune --max-remove 10x --db " + db + " " + src)).status, 2);  // a usage error
  EXPECT_EQ(run(vnindex("--no-restore --prune --max-remove 100% --db " + db + " " + src)).status, 0);
  EXPECT_NE(verify_line(dir / "db").find(": 0 documents"), std::string::npos);
}

TEST(GuardsE2E, NoRestoreOnARestoredIndexIsRefusedUntilForced) {
  vn::test::TempDir dir;
  vn::test::write_file(dir / "src/a.txt", "Pang bo tinh 1an thir XIX");
  const std::string db = quote((dir / "db").string()), src = quote((dir / "src").string());
  ASSERT_EQ(run(vnindex("--db " + db + " " + src)).status, 0);
  const auto refused = run(vnindex("--no-restore --db " + db + " " + src));
  EXPECT_EQ(refused.status, 2);
  EXPECT_NE(refused.out.find("was built restored with models"), std::string::npos) << refused.out;
  EXPECT_NE(refused.out.find("Run with --force"), std::string::npos) << refused.out;
  EXPECT_EQ(run(vnindex("--no-restore --force --db " + db + " " + src)).status, 0);
  EXPECT_EQ(run(vnindex("--no-restore --db " + db + " " + src)).status, 0);
}
