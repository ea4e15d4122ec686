// The conventions of vnindex's command line: usage errors exit 2 and say
// what the mistake is, "-" for standard output, and an index kept out of
// the archive it indexes.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "process_util.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;
using vn::test::quote;
using vn::test::run;
using vn::test::vnindex;

TEST(CommandLine, AnUnknownSubcommandIsNamedWithTheValidOnes) {
  const auto r = vnindex("frobnicate --db x");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("unknown subcommand 'frobnicate'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("index, verify, compact"), std::string::npos) << r.out;
  EXPECT_EQ(vnindex("index --db x --no-such-option y").status, 2);
  EXPECT_EQ(vnindex("").status, 2);
}

TEST(CommandLine, ANamedFileThatDoesNotExistIsNoSuchFile) {
  vn::test::TempDir dir;
  const auto r = vnindex("extract --no-restore " + quote((dir / "missing.txt").string()));
  EXPECT_NE(r.out.find("missing.txt: no such file"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("vanished"), std::string::npos) << r.out;
}

TEST(CommandLine, AReportToStandardOutputIsTheOnlyThingThere) {
  vn::test::TempDir dir;
  vn::test::write_file(dir / "src" / "a.txt", "Nghị quyết của Đảng bộ tỉnh");
  const auto r = run(std::string(VNINDEX_PATH) + " index --no-restore --report - --db " + quote((dir / "db").string()) +
                     " " + quote((dir / "src").string()));
  EXPECT_EQ(r.status, 0);
  rapidjson::Document report;
  report.Parse(r.out.c_str());
  ASSERT_FALSE(report.HasParseError()) << r.out;
  EXPECT_EQ(report["added"].GetUint64(), 1u);
}

TEST(CommandLine, AnIndexInsideTheArchiveItIndexesIsRefused) {
  vn::test::TempDir dir;
  vn::test::write_file(dir / "archive" / "a.txt", "Nghị quyết");
  const std::string archive = quote((dir / "archive").string());
  for (const std::string& db : {archive, quote((dir / "archive" / "index").string())}) {
    const auto r = vnindex("index -q --no-restore --db " + db + " " + archive);
    EXPECT_EQ(r.status, 2) << db;
    EXPECT_NE(r.out.find("keep the index outside the archive tree"), std::string::npos) << r.out;
  }
  EXPECT_FALSE(fs::exists(dir / "archive" / "index"));
  EXPECT_FALSE(fs::exists(dir / "archive" / "xapian"));
  // Through another name for the same directory.
  fs::create_directory_symlink(dir / "archive", dir / "link");
  EXPECT_EQ(vnindex("index -q --no-restore --db " + quote((dir / "link" / "index").string()) + " " + archive).status, 2);
  // Beside it is fine.
  EXPECT_EQ(vnindex("index -q --no-restore --db " + quote((dir / "index").string()) + " " + archive).status, 0);
}
