// End-to-end: reading results with the real vnsearch binary on samples/
// (issue 15): the hit line's metadata, --show, the output formats, --sort
// orders, the default index, usage errors and colour.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cstdio>

#include "process_util.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;

namespace {

using vn::test::CommandResult;
using vn::test::quote;
using vn::test::run;

const std::string kOcr01 = std::string(SAMPLES_DIR) + "/ocr/01-bao-cao-kiem-diem.txt";

// The sample archive, indexed once for all tests of this file.
class Reading : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new vn::test::TempDir;
    index_status_ = run(std::string(VNINDEX_PATH) + " index -q --db " + quote(db()) + " " + quote(SAMPLES_DIR)).status;
  }
  static void TearDownTestSuite() { delete dir_; }
  void SetUp() override { ASSERT_EQ(index_status_, 0); }

  static std::string db() { return (*dir_ / "db").string(); }
  // vnsearch with `args` (shell words) on the samples' index.
  static CommandResult vnsearch(const std::string& args) {
    return run(std::string(VNSEARCH_PATH) + " --db " + quote(db()) + " " + args);
  }
  // vnsearch with `args`, standard error too, in an environment changed by `env` (a prefix for env(1)).
  static CommandResult vnsearch_env(const std::string& env, const std::string& args) {
    return run("{ env " + env + " " + std::string(VNSEARCH_PATH) + " " + args + " 2>&1; }");
  }
  static std::vector<std::string> lines(const std::string& out) {
    std::vector<std::string> v;
    for (size_t start = 0, end; (end = out.find('\n', start)) != std::string::npos; start = end + 1)
      v.push_back(out.substr(start, end - start));
    return v;
  }
  // The paths of the hits of --json output.
  static std::vector<std::string> json_paths(const std::string& out) {
    rapidjson::Document d;
    d.Parse(out.c_str());
    std::vector<std::string> paths;
    if (!d.IsObject() || !d.HasMember("hits")) return paths;
    for (const auto& h : d["hits"].GetArray()) paths.push_back(h["path"].GetString());
    return paths;
  }

  // A sample whose index record lists tokens restored with low confidence,
  // with its --json --show both output parsed into `d`; empty when none
  // has any.
  static std::string sample_with_uncertain_tokens(rapidjson::Document& d) {
    std::vector<fs::path> samples;
    for (const auto& e : fs::directory_iterator(fs::path(SAMPLES_DIR) / "ocr")) samples.push_back(e.path());
    std::sort(samples.begin(), samples.end());
    for (const fs::path& p : samples) {
      d.Parse(vnsearch("--json --show both " + quote(p.string())).out.c_str());
      if (d.IsObject() && d.HasMember("low_confidence") && d["low_confidence"].Size() > 0) return p.string();
    }
    return {};
  }

  static vn::test::TempDir* dir_;
  static int index_status_;
};

vn::test::TempDir* Reading::dir_ = nullptr;
int Reading::index_status_ = -1;

TEST_F(Reading, HitLineShowsDateTypeAndCode) {
  const CommandResult r = vnsearch("--limit 1 code:215-BC/TU");
  ASSERT_EQ(r.status, 0);
  const std::string first = r.out.substr(0, r.out.find('\n'));
  EXPECT_EQ(first.rfind("1. [", 0), 0u) << first;
  EXPECT_NE(first.find("-bao-cao-kiem-diem.txt  2025-06-12 · báo cáo · 215-BC/TU"), std::string::npos) << first;
}

TEST_F(Reading, ShowPrintsTheOriginalAndTheRestoredText) {
  const CommandResult original = vnsearch("--show original " + quote(kOcr01));
  ASSERT_EQ(original.status, 0);
  EXPECT_EQ(original.out, vn::test::read_file(kOcr01));
  const CommandResult restored = vnsearch("--show restored " + quote(kOcr01));
  ASSERT_EQ(restored.status, 0);
  EXPECT_EQ(restored.out.rfind("ĐẢNG BỘ TỈNH CAO BẰNG", 0), 0u) << restored.out.substr(0, 200);
  EXPECT_EQ(lines(restored.out).size(), lines(original.out).size());
  // A code finds the document as --doc does.
  EXPECT_EQ(vnsearch("--show restored 215-BC/TU").out.empty(), false);
  EXPECT_EQ(vnsearch("--show restored 999-XX/YY").status, 2);
  EXPECT_EQ(vnsearch("--show sideways " + quote(kOcr01)).status, 2);
}

TEST_F(Reading, ShowJsonHasBothTextsAndTheLowConfidenceTokens) {
  const CommandResult r = vnsearch("--json --show both " + quote(kOcr01));
  ASSERT_EQ(r.status, 0);
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  ASSERT_TRUE(d.IsObject()) << r.out;
  EXPECT_EQ(std::string(d["path"].GetString()), kOcr01);
  EXPECT_EQ(std::string(d["original"].GetString()), vn::test::read_file(kOcr01));
  const std::string original = d["original"].GetString();
  EXPECT_NE(std::string(d["restored"].GetString()).find("Tỉnh ủy"), std::string::npos);
  ASSERT_TRUE(d["low_confidence"].IsArray());
  // Which tokens restoration is unsure of depends on the models: take a
  // sample that has some.
  const std::string uncertain = sample_with_uncertain_tokens(d);
  ASSERT_FALSE(uncertain.empty()) << "no sample has a token restored with low confidence";
  const std::string text = d["original"].GetString();
  for (const auto& t : d["low_confidence"].GetArray()) {
    const size_t offset = t["offset"].GetUint(), length = t["length"].GetUint();
    ASSERT_LE(offset + length, text.size());  // byte offsets into "original": the OCR token
    const std::string token = text.substr(offset, length);
    EXPECT_FALSE(token.empty());
    EXPECT_EQ(token.find_first_of(" \n"), std::string::npos) << token;
    EXPECT_GT(std::string(t["restored"].GetString()).size(), 0u);
    ASSERT_TRUE(t["confidence"].IsNumber());
    EXPECT_LT(t["confidence"].GetDouble(), 0.5);
    EXPECT_GT(t["confidence"].GetDouble(), 0.0);
  }
}

TEST_F(Reading, ShowBothPairsLinesAndMarksLowConfidence) {
  const CommandResult r = vnsearch("--show both " + quote(kOcr01));
  ASSERT_EQ(r.status, 0);
  EXPECT_EQ(r.out.rfind("# - OCR line, + its restoration", 0), 0u) << r.out.substr(0, 200);
  EXPECT_NE(r.out.find("[word]: restored with low confidence"), std::string::npos);
  EXPECT_NE(r.out.find("\n- PANG BO TINH CAO BANG DANG CONG SAN VIET NAM\n+ ĐẢNG BỘ TỈNH CAO BẰNG"), std::string::npos)
      << r.out.substr(0, 400);
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos);
  // An uncertain token, marked in the OCR line and in its restoration.
  rapidjson::Document d;
  const std::string uncertain = sample_with_uncertain_tokens(d);
  ASSERT_FALSE(uncertain.empty()) << "no sample has a token restored with low confidence";
  const auto& t = d["low_confidence"][0];
  const std::string token = std::string(d["original"].GetString()).substr(t["offset"].GetUint(), t["length"].GetUint());
  const std::vector<std::string> shown = lines(vnsearch("--show both " + quote(uncertain)).out);
  const auto marked = std::find_if(shown.begin(), shown.end(), [&](const std::string& l) {
    return l.rfind("- ", 0) == 0 && l.find("[" + token + "]") != std::string::npos;
  });
  ASSERT_NE(marked, shown.end()) << "[" << token << "] in no OCR line of " << uncertain;
  ASSERT_NE(marked + 1, shown.end());
  EXPECT_EQ(marked[1].rfind("+ ", 0), 0u) << marked[1];
  EXPECT_NE(marked[1].find(std::string("[") + t["restored"].GetString() + "]"), std::string::npos) << marked[1];
}

TEST_F(Reading, JsonlPrintsEveryMatchOneObjectALine) {
  const std::vector<std::string> all = json_paths(vnsearch("--json --limit 1000 tinh").out);
  ASSERT_GT(all.size(), 10u);  // more than the default limit
  const CommandResult r = vnsearch("--jsonl tinh");
  ASSERT_EQ(r.status, 0);
  std::vector<std::string> paths;
  for (const std::string& line : lines(r.out)) {
    rapidjson::Document d;
    d.Parse(line.c_str());
    ASSERT_TRUE(d.IsObject()) << line;
    EXPECT_STREQ(d["query"].GetString(), "tinh");
    EXPECT_TRUE(d.HasMember("snippet") && d.HasMember("highlights") && d.HasMember("metadata"));
    paths.push_back(d["path"].GetString());
  }
  EXPECT_EQ(paths, all);
  EXPECT_EQ(lines(vnsearch("--jsonl --limit 3 tinh").out).size(), 3u);
}

TEST_F(Reading, PathsPrintsEveryMatchingPath) {
  const std::vector<std::string> all = json_paths(vnsearch("--json --limit 1000 tinh").out);
  const CommandResult r = vnsearch("--paths tinh");
  ASSERT_EQ(r.status, 0);
  EXPECT_EQ(lines(r.out), all);
  EXPECT_EQ(lines(vnsearch("--paths -n 2 --offset 1 tinh").out), std::vector<std::string>(all.begin() + 1, all.begin() + 3));
}

// Issue 13: a phrase with one word no document has (a restoration error,
// a typo) shows the documents holding the rest of it, marked approximate;
// --exact and the exports (every match, to act on) show none.
TEST_F(Reading, ApproximateMatchesFillAPageTheMatchesDoNot) {
  const std::string q = quote("\"ban thuong vu tinh uy da ban hanh xyzw\"");
  const CommandResult human = vnsearch("--color never " + q);
  ASSERT_EQ(human.status, 0);
  EXPECT_NE(human.out.find("Approximate matches"), std::string::npos) << human.out;
  EXPECT_NE(human.out.find("1. ~ ["), std::string::npos) << human.out;
  EXPECT_NE(human.out.find("about 0 matching documents, then about 2 approximate matches"), std::string::npos) << human.out;
  rapidjson::Document d;
  d.Parse(vnsearch("--json " + q).out.c_str());
  ASSERT_TRUE(d.IsObject() && d.HasMember("hits"));
  EXPECT_EQ(d["estimated_total"].GetUint(), 0u);
  EXPECT_EQ(d["approximate_total"].GetUint(), 2u);
  ASSERT_EQ(d["hits"].Size(), 2u);
  for (const auto& h : d["hits"].GetArray()) EXPECT_TRUE(h["approximate"].GetBool());
  EXPECT_TRUE(json_paths(vnsearch("--json --exact " + q).out).empty());
  EXPECT_TRUE(vnsearch("--paths " + q).out.empty());
  EXPECT_TRUE(vnsearch("--jsonl " + q).out.empty());
}

TEST_F(Reading, SortDateAscAndPath) {
  rapidjson::Document d;
  d.Parse(vnsearch("--json --limit 100 --sort date-asc 'cites:18-NQ/TW'").out.c_str());
  ASSERT_TRUE(d.IsObject());
  std::vector<std::string> dates;
  for (const auto& h : d["hits"].GetArray()) dates.push_back(h["metadata"]["date"].GetString());
  ASSERT_GE(dates.size(), 4u);
  EXPECT_TRUE(std::is_sorted(dates.begin(), dates.end())) << "oldest first";
  EXPECT_LT(dates.front(), dates.back());
  const auto paths = lines(vnsearch("--paths --sort path tinh").out);
  ASSERT_GT(paths.size(), 10u);
  EXPECT_TRUE(std::is_sorted(paths.begin(), paths.end()));
  const auto page = lines(vnsearch("--paths --sort path --limit 3 --offset 2 tinh").out);
  EXPECT_EQ(page, std::vector<std::string>(paths.begin() + 2, paths.begin() + 5));
}

TEST_F(Reading, UsageErrorsExitTwo) {
  EXPECT_EQ(vnsearch("--json --jsonl tinh").status, 2);
  EXPECT_EQ(vnsearch("--json --paths tinh").status, 2);
  EXPECT_EQ(vnsearch("--jsonl --paths tinh").status, 2);
  EXPECT_EQ(vnsearch("--bogus tinh").status, 2);
  EXPECT_EQ(vnsearch("--limit many tinh").status, 2);
  EXPECT_EQ(vnsearch("--sort size tinh").status, 2);
  EXPECT_EQ(vnsearch("--paths --facet type tinh").status, 2);
  const CommandResult both = vnsearch_env("", "--db " + quote(db()) + " --json --jsonl tinh");
  EXPECT_NE(both.out.find("excludes"), std::string::npos) << both.out;
  EXPECT_EQ(run(std::string(VNSEARCH_PATH) + " --help").status, 0);
}

TEST_F(Reading, DefaultIndexFromTheEnvironmentOrTheConfigFile) {
  vn::test::TempDir home;
  const std::string expected = vnsearch("--paths tinh").out;
  const std::string isolated = "-u VNARCHIVE_DB HOME=" + quote(home.path().string()) +
                               " XDG_CONFIG_HOME=" + quote((home / "xdg").string());
  CommandResult r = vnsearch_env(isolated + " VNARCHIVE_DB=" + quote(db()), "--paths tinh");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, expected);
  vn::test::write_file(home / "xdg/vnarchive/config", "# test\ndb = " + db() + "\n");
  r = vnsearch_env(isolated, "--paths tinh");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, expected);
  vn::test::write_file(home / "xdg/vnarchive/config", "db = " + db() + "\nindex = x\n");
  r = vnsearch_env(isolated, "--paths tinh");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("config line 2: unknown key \"index\" (valid keys: db)"), std::string::npos) << r.out;
  fs::remove(home / "xdg/vnarchive/config");
  r = vnsearch_env(isolated, "--paths tinh");
  if (fs::exists("/etc/vnarchive.conf")) GTEST_SKIP() << "/etc/vnarchive.conf exists";
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("vnsearch: no index: give --db DIR, set VNARCHIVE_DB, or set db = DIR in ~/.config/vnarchive/config"),
            std::string::npos)
      << r.out;
}

TEST_F(Reading, NoColorAndDumbTerminalTurnAutoColourOff) {
  EXPECT_NE(vnsearch_env("NO_COLOR=1", "--db " + quote(db()) + " --color always -n 1 tinh").out.find("\x1b["),
            std::string::npos);
  if (run("script -qec true /dev/null").status != 0) GTEST_SKIP() << "no script(1) to run vnsearch on a terminal";
  // On a terminal (script(1)'s pseudo-terminal), auto colours unless told not to.
  auto on_terminal = [&](const std::string& env) {
    return run("env -u NO_COLOR " + env + " script -qec " +
               quote(std::string(VNSEARCH_PATH) + " --db " + quote(db()) + " -n 1 tinh") + " /dev/null")
        .out;
  };
  EXPECT_NE(on_terminal("TERM=xterm").find("\x1b["), std::string::npos);
  EXPECT_EQ(on_terminal("TERM=xterm NO_COLOR=1").find("\x1b["), std::string::npos);
  EXPECT_NE(on_terminal("TERM=xterm NO_COLOR=").find("\x1b["), std::string::npos);  // empty: not set
  EXPECT_EQ(on_terminal("TERM=dumb").find("\x1b["), std::string::npos);
}

}  // namespace
