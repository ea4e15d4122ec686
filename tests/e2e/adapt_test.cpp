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
  EXPECT_NE(tsv.find("\nP\t0.1"), std::string::npos);

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

namespace {

// Indexes the OCR samples into `db` with `flags`; returns the exit status
// and the JSON report.
std::pair<int, std::string> index_samples(const vn::test::TempDir& dir, const std::string& flags) {
  const std::string report = (dir / "report.json").string();
  const auto r = run(vnindex("index -q " + flags + " --db " + quote((dir / "db").string()) + " --report " +
                             quote(report) + " " + quote((vn::test::samples_dir() / "ocr").string())));
  return {r.status, vn::test::read_file(report)};
}

// The adapted channel files in the index directory.
std::vector<std::filesystem::path> channel_files(const vn::test::TempDir& dir) {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(dir / "db"))
    if (e.path().filename().string().starts_with("channel-")) out.push_back(e.path());
  return out;
}

}  // namespace

TEST(IndexAdaptation, TheFirstRunAdaptsAndLaterRunsReuseIt) {
  vn::test::TempDir dir;
  const auto [first, report1] = index_samples(dir, "");
  ASSERT_EQ(first, 0);
  EXPECT_NE(report1.find("\"adapted_now\": true"), std::string::npos) << report1;
  EXPECT_EQ(channel_files(dir).size(), 1u);
  const auto [second, report2] = index_samples(dir, "");
  ASSERT_EQ(second, 0);
  EXPECT_NE(report2.find("\"adapted_now\": false"), std::string::npos) << report2;
  EXPECT_NE(report2.find("\"unchanged\": 12"), std::string::npos) << report2;
  EXPECT_EQ(channel_files(dir).size(), 1u);
  // The models' own channel would be another build mode: refused.
  EXPECT_EQ(index_samples(dir, "--no-adapt").first, 2);
  EXPECT_EQ(run(vnindex("verify --db " + quote((dir / "db").string()))).status, 0);
}

TEST(IndexAdaptation, AnIndexBuiltWithoutItStaysWithout) {
  vn::test::TempDir dir;
  ASSERT_EQ(index_samples(dir, "--no-adapt").first, 0);
  const auto [status, report] = index_samples(dir, "");
  EXPECT_EQ(status, 0);
  EXPECT_NE(report.find("\"adapted_now\": false"), std::string::npos) << report;
  EXPECT_EQ(channel_files(dir).size(), 0u);
}

TEST(IndexAdaptation, ALostChannelIsNamedAndForceAdaptsAgain) {
  vn::test::TempDir dir;
  ASSERT_EQ(index_samples(dir, "").first, 0);
  for (const auto& f : channel_files(dir)) std::filesystem::remove(f);
  const std::string db = quote((dir / "db").string());
  const auto verify = run("sh -c " + quote(vnindex("verify --db " + db + " 2>&1")));
  EXPECT_EQ(verify.status, 1);
  EXPECT_NE(verify.out.find("is missing or damaged"), std::string::npos) << verify.out;
  const auto refused = run("sh -c " + quote(vnindex("index -q --db " + db + " " +
                                                     quote((vn::test::samples_dir() / "ocr").string()) + " 2>&1")));
  EXPECT_EQ(refused.status, 2);
  EXPECT_NE(refused.out.find("run with --force"), std::string::npos) << refused.out;
  ASSERT_EQ(index_samples(dir, "--force").first, 0);
  EXPECT_EQ(channel_files(dir).size(), 1u);
  EXPECT_EQ(run(vnindex("verify --db " + db)).status, 0);
}

TEST(IndexAdaptation, ADamagedChannelIsRefusedAndForceAdaptsAgain) {
  vn::test::TempDir dir;
  ASSERT_EQ(index_samples(dir, "").first, 0);
  const auto files = channel_files(dir);
  ASSERT_EQ(files.size(), 1u);
  vn::test::write_file(files[0], vn::test::read_file(files[0]) + "S\tđảng\t7\n");  // still parses
  EXPECT_EQ(run(vnindex("verify --db " + quote((dir / "db").string()))).status, 1);
  EXPECT_EQ(index_samples(dir, "").first, 2);
  ASSERT_EQ(index_samples(dir, "--force").first, 0);
  EXPECT_EQ(run(vnindex("verify --db " + quote((dir / "db").string()))).status, 0);
}

TEST(IndexAdaptation, AdaptDbAdaptsAnewAndForceRestoresWithIt) {
  vn::test::TempDir dir;
  const std::string db = quote((dir / "db").string());
  ASSERT_EQ(index_samples(dir, "--no-adapt").first, 0);
  ASSERT_EQ(run(vnindex("adapt --db " + db)).status, 0);
  const auto files = channel_files(dir);
  ASSERT_EQ(files.size(), 1u);
  const std::string id = files[0].stem().string().substr(std::string("channel-").size());
  // The documents were restored with the models' own channel: a plain run
  // would mix the two, a rebuild restores them all with the new one.
  EXPECT_EQ(index_samples(dir, "").first, 2);
  const auto [forced, report] = index_samples(dir, "--force");
  ASSERT_EQ(forced, 0);
  EXPECT_NE(report.find("\"id\": \"" + id + "\""), std::string::npos) << report;
  const auto [again, report2] = index_samples(dir, "");
  EXPECT_EQ(again, 0);
  EXPECT_NE(report2.find("\"unchanged\": 12"), std::string::npos) << report2;
  EXPECT_EQ(run(vnindex("verify --db " + db)).status, 0);
  EXPECT_EQ(run(vnindex("adapt --db " + db + " " + quote((vn::test::samples_dir() / "ocr").string()))).status, 2);
  EXPECT_EQ(run(vnindex("adapt --db " + quote((dir / "nothing").string()))).status, 2);
}
