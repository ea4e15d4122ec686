// `vnindex adapt` and `vnindex restore --channel` as a user runs them.
#include <gtest/gtest.h>

#include <filesystem>

#include "e2e/process_util.hpp"
#include "test_util.hpp"

using vn::test::quote;
using vn::test::run;

namespace {

std::string vnindex(const std::string& args) { return std::string(VNINDEX_PATH) + " " + args; }

}  // namespace

TEST(Adapt, WritesAChannelThatRestoreReadsAndExplains) {
  vn::test::TempDir dir;
  const std::string ocr = (vn::test::samples_dir() / "ocr").string();
  const std::string channel = (dir / "archive.tsv").string();
  const auto a = run(vnindex("adapt --threads 2 --out " + quote(channel) + " " + quote(ocr)));
  ASSERT_EQ(a.status, 0);
  const std::string tsv = vn::test::read_file(channel);
  EXPECT_TRUE(tsv.starts_with("# vnarchive adapted channel 1\n# base ")) << tsv.substr(0, 200);
  EXPECT_NE(tsv.find("\nP\t0.2\n"), std::string::npos);

  const std::string page = (vn::test::samples_dir() / "ocr" / "01-bao-cao-kiem-diem.txt").string();
  const auto restored = run(vnindex("restore --channel " + quote(channel) + " " + quote(page)));
  EXPECT_EQ(restored.status, 0);
  EXPECT_NE(restored.out.find("Đảng"), std::string::npos);

  const auto explained = run(vnindex("adapt --explain --channel " + quote(channel)));
  EXPECT_EQ(explained.status, 0);
  EXPECT_NE(explained.out.find("letters the OCR damages more often"), std::string::npos);
  EXPECT_NE(explained.out.find(" -> "), std::string::npos);
}

TEST(Adapt, MistakesAreUsageErrorsAndABadChannelNamesTheFile) {
  vn::test::TempDir dir;
  const std::string ocr = (vn::test::samples_dir() / "ocr").string();
  EXPECT_EQ(run(vnindex("adapt " + quote(ocr))).status, 2);         // no --out, no --explain
  EXPECT_EQ(run(vnindex("adapt --out x.tsv")).status, 2);            // nothing to learn from
  EXPECT_EQ(run(vnindex("restore --channel /nonexistent.tsv")).status, 2);
  vn::test::write_file(dir / "bad.tsv", "T\tpang\n");
  const auto r = run("sh -c " + quote(vnindex("restore --channel " + quote((dir / "bad.tsv").string()) +
                                               " < /dev/null 2>&1")));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("bad.tsv:1: malformed line"), std::string::npos) << r.out;
}
