// vnindex merge through the real binaries: samples/ indexed as two shards
// and merged verifies and answers searches as samples/ indexed whole.
#include <gtest/gtest.h>

#include "process_util.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;
using vn::test::quote;
using vn::test::run;

namespace {

// `vnindex ARGS` with its standard error read after its output.
vn::test::CommandResult vnindex(const std::string& args) {
  return run("sh -c " + quote(std::string(VNINDEX_PATH) + " " + args + " 2>&1"));
}

std::string paths(const fs::path& db, const std::string& query) {
  return run(std::string(VNSEARCH_PATH) + " --db " + quote(db.string()) + " --paths --limit 1000 --sort path " +
             quote(query))
      .out;
}

// samples/ indexed whole and as 2 shards (`mode`: "" or "--no-restore"),
// the shards merged: the merged index verifies and finds what the whole one does.
void expect_merge_answers_as_whole(const std::string& mode) {
  vn::test::TempDir dir;
  const std::string samples = quote(vn::test::samples_dir().string());
  ASSERT_EQ(vnindex("index -q " + mode + " --db " + quote((dir / "whole").string()) + " " + samples).status, 0);
  for (const char* k : {"1", "2"})
    ASSERT_EQ(vnindex("index -q " + mode + " --shard " + k + "/2 --db " + quote((dir / k).string()) + " " + samples).status, 0);
  const auto merged = vnindex("merge --db " + quote((dir / "merged").string()) + " " + quote((dir / "1").string()) + " " +
                              quote((dir / "2").string()));
  ASSERT_EQ(merged.status, 0) << merged.out;
  EXPECT_NE(merged.out.find("merged 2 indexes: 24 documents"), std::string::npos) << merged.out;  // samples/*.txt
  const auto verify = vnindex("verify --db " + quote((dir / "merged").string()));
  EXPECT_EQ(verify.status, 0) << verify.out;
  EXPECT_NE(verify.out.find(": 24 documents, 24 sidecar records checked, 0 problems"), std::string::npos) << verify.out;
  for (const char* query : {"tinh", "nghị quyết", "type:\"báo cáo\"", "cites:18-NQ/TW"}) {
    const std::string want = paths(dir / "whole", query);
    EXPECT_NE(want, "") << query;
    EXPECT_EQ(paths(dir / "merged", query), want) << query;
  }
  // A plain run over the samples finds the merged index up to date.
  const auto rerun = vnindex("index " + mode + " --db " + quote((dir / "merged").string()) + " " + samples);
  EXPECT_EQ(rerun.status, 0) << rerun.out;
  EXPECT_NE(rerun.out.find("0 added"), std::string::npos) << rerun.out;
}

}  // namespace

TEST(MergeE2E, TwoShardsOfTheSamplesMergedAnswerAsTheWholeIndex) { expect_merge_answers_as_whole("--no-restore"); }

TEST(MergeE2E, RestoredShardsToo) { expect_merge_answers_as_whole(""); }

TEST(MergeE2E, ARefusalExitsTwoAndNamesTheReason) {
  vn::test::TempDir dir;
  vn::test::write_file(dir / "src/a.txt", "Văn bản số 1");
  ASSERT_EQ(vnindex("index -q --no-restore --db " + quote((dir / "a").string()) + " " + quote((dir / "src").string())).status, 0);
  vn::test::write_file(dir / "out/x", "x");
  const auto r = vnindex("merge --db " + quote((dir / "out").string()) + " " + quote((dir / "a").string()));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("vnindex merge: the output " + (dir / "out").string() + " is not empty"), std::string::npos) << r.out;
  EXPECT_EQ(vnindex("merge --db " + quote((dir / "m").string())).status, 2);  // no shards: a usage error
  EXPECT_FALSE(fs::exists(dir / "m"));
}
