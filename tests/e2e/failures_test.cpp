// Issue 10 (guards): a nightly vnindex run tells new failures from known
// ones. Known failures alone exit 0 and are summed up in one line; a new
// failure exits 1 and is named; the --report marks the known ones.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <filesystem>

#include "process_util.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;
using vn::test::quote;
using vn::test::run;

namespace {

const std::string kBinary("\x7f" "ELF\x02\x01\x01\0\0\0\0", 12);

// Runs `vnindex index --no-restore` over `src` into `db` with standard
// error in the output; the report goes to `report`.
vn::test::CommandResult index_run(const fs::path& db, const fs::path& src, const fs::path& report,
                                  const std::string& flags = "") {
  return run("sh -c " + quote(std::string(VNINDEX_PATH) + " index --no-restore --db " + quote(db.string()) +
                              " --report " + quote(report.string()) + " " + flags + " " + quote(src.string()) +
                              " 2>&1"));
}

rapidjson::Document report_of(const fs::path& report) {
  rapidjson::Document d;
  d.Parse(vn::test::read_file(report).c_str());
  return d;
}

}  // namespace

TEST(KnownFailures, ExitZeroWhenEveryFailureIsKnownAndOneWhenOneIsNew) {
  vn::test::TempDir dir;
  vn::test::write_file(dir / "src/good.txt", "Báo cáo tốt");
  vn::test::write_file(dir / "src/bad.txt", kBinary);
  const fs::path db = dir / "db", src = dir / "src", report = dir / "run.json";
  const auto first = index_run(db, src, report);
  EXPECT_EQ(first.status, 1);
  EXPECT_NE(first.out.find("bad.txt: binary data"), std::string::npos) << first.out;

  const auto second = index_run(db, src, report);
  EXPECT_EQ(second.status, 0) << second.out;
  EXPECT_EQ(second.out.find("bad.txt: binary data"), std::string::npos) << "a known failure is not listed\n" << second.out;
  EXPECT_NE(second.out.find("vnindex: 1 files failed before and are unchanged (not read again; --retry-failed to retry)"),
            std::string::npos) << second.out;
  EXPECT_NE(second.out.find("1 failed (1 known)"), std::string::npos) << second.out;
  auto d = report_of(report);
  ASSERT_TRUE(d.IsObject());
  EXPECT_EQ(d["failed"].GetUint64(), 1u);
  EXPECT_EQ(d["known_failed"].GetUint64(), 1u);
  ASSERT_EQ(d["errors"].Size(), 1u);
  EXPECT_TRUE(d["errors"][0]["known"].GetBool());
  bool marked = false;
  for (const auto& o : d["outcomes"].GetArray())
    marked |= std::string(o["outcome"].GetString()) == "failed" && o.HasMember("known") && o["known"].GetBool();
  EXPECT_TRUE(marked);

  vn::test::write_file(dir / "src/worse.txt", kBinary + "x");
  const auto third = index_run(db, src, report);
  EXPECT_EQ(third.status, 1);
  EXPECT_NE(third.out.find("worse.txt: binary data"), std::string::npos) << third.out;
  EXPECT_EQ(third.out.find("bad.txt: binary data"), std::string::npos) << third.out;
  d = report_of(report);
  EXPECT_EQ(d["failed"].GetUint64(), 2u);
  EXPECT_EQ(d["known_failed"].GetUint64(), 1u);

  const auto retried = index_run(db, src, report, "--retry-failed");
  EXPECT_EQ(retried.status, 1);  // read again, they are failures of this run
  EXPECT_NE(retried.out.find("bad.txt: binary data"), std::string::npos) << retried.out;
  EXPECT_EQ(report_of(report)["known_failed"].GetUint64(), 0u);
}
