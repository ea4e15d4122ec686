// End-to-end: index samples/ with the real vnindex binary, query it with the
// real vnsearch binary, and check which documents come back.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cstdio>
#include <set>

#include "vi/terms.hpp"
#include "process_util.hpp"
#include "test_util.hpp"
#include "vi/tokenizer.hpp"

namespace fs = std::filesystem;

namespace {

using vn::test::CommandResult;
using vn::test::quote;
using vn::test::run;

// The sample archive, indexed once for all tests of this file.
class SamplesIndex : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new vn::test::TempDir;
    const CommandResult r = run(std::string(VNINDEX_PATH) + " index -q --db " + quote((*dir_ / "db").string()) + " " +
                      quote(SAMPLES_DIR));
    index_status_ = r.status;
  }
  static void TearDownTestSuite() { delete dir_; }

  // Hits as "clean/NN" or "ocr/NN" labels, in rank order.
  static std::vector<std::string> search(const std::string& query, const std::string& flags = "--limit 100") {
    const CommandResult r = run(std::string(VNSEARCH_PATH) + " --json --exact " + flags + " --db " +
                      quote((*dir_ / "db").string()) + " -- " + quote(query));
    EXPECT_EQ(r.status, 0) << query;
    rapidjson::Document d;
    d.Parse(r.out.c_str());
    EXPECT_TRUE(d.IsObject() && d.HasMember("hits")) << r.out;
    std::vector<std::string> labels;
    if (!d.IsObject() || !d.HasMember("hits")) return labels;
    for (const auto& h : d["hits"].GetArray()) {
      const fs::path p(h["path"].GetString());
      labels.push_back(p.parent_path().filename().string() + "/" + p.filename().string().substr(0, 2));
      EXPECT_TRUE(h.HasMember("snippet") && h.HasMember("title") && h.HasMember("score"));
      EXPECT_FALSE(h.HasMember("snippet_error")) << h["snippet_error"].GetString();
    }
    return labels;
  }

  static std::set<std::string> only(const std::vector<std::string>& labels, const std::string& dir) {
    std::set<std::string> out;
    for (const auto& l : labels)
      if (l.rfind(dir + "/", 0) == 0) out.insert(l);
    return out;
  }

  static vn::test::TempDir* dir_;
  static int index_status_;
};

vn::test::TempDir* SamplesIndex::dir_ = nullptr;
int SamplesIndex::index_status_ = -1;

using Labels = std::set<std::string>;

// Oracle: OCR'd samples whose folded token sequence contains `phrase`.
Labels ocr_containing_folded(const std::vector<std::string>& phrase) {
  Labels out;
  for (const auto& e : fs::directory_iterator(fs::path(SAMPLES_DIR) / "ocr")) {
    const std::string text = vn::test::read_file(e.path());
    std::vector<vn::vi::Token> tokens;
    vn::vi::tokenize(text, tokens);
    std::vector<std::string> folded;
    for (const auto& t : tokens) folded.push_back(vn::vi::terms_for(t.text(text), t.kind).folded);
    if (std::search(folded.begin(), folded.end(), phrase.begin(), phrase.end()) != folded.end())
      out.insert("ocr/" + e.path().filename().string().substr(0, 2));
  }
  return out;
}

}  // namespace

TEST_F(SamplesIndex, IndexesTheWholeArchive) {
  ASSERT_EQ(index_status_, 0);
  const auto all = search("tỉnh OR tinh OR ngày OR ngay");
  EXPECT_EQ(all.size(), 24u);  // 12 clean + 12 OCR'd documents
}

TEST_F(SamplesIndex, AccentedPhraseFindsTheDocumentsAndTheirRestoredOcr) {
  const auto hits = search("\"Đảng bộ tỉnh\"");
  EXPECT_EQ(only(hits, "clean"), (Labels{"clean/01", "clean/02", "clean/05", "clean/10"}));
  // The OCR'd twins read "DANG BO TINH" / "Dang bo tinh"; restored, they match exactly.
  EXPECT_EQ(only(hits, "ocr"), (Labels{"ocr/01", "ocr/02", "ocr/05", "ocr/10"}));
}

TEST_F(SamplesIndex, UnaccentedPhraseFindsTheSameDocuments) {
  EXPECT_EQ(search("\"dang bo tinh\""), search("\"Đảng bộ tỉnh\""));
}

TEST_F(SamplesIndex, AccentedAndUnaccentedQueriesFindTheSameDocuments) {
  auto a = search("chuyển đổi số");
  auto b = search("chuyen doi so");
  EXPECT_EQ(Labels(a.begin(), a.end()), Labels(b.begin(), b.end()));
  const auto phrase = search("\"chuyển đổi số\"");
  EXPECT_EQ(only(phrase, "clean"), (Labels{"clean/03", "clean/07"}));
  EXPECT_EQ(only(phrase, "ocr"), (Labels{"ocr/03", "ocr/07"}));
}

TEST_F(SamplesIndex, ToneMarkPlacementDoesNotMatter) {
  EXPECT_EQ(search("\"thủy lợi\""), search("\"thuỷ lợi\""));
  EXPECT_TRUE(only(search("\"thuỷ lợi\""), "clean").count("clean/04"));
}

TEST_F(SamplesIndex, DocumentCodesAreSearchableWhole) {
  const auto hits = search("18-NQ/TW");
  EXPECT_EQ(only(hits, "clean"), (Labels{"clean/01", "clean/09", "clean/10"}));
  EXPECT_EQ(only(hits, "ocr"), (Labels{"ocr/01", "ocr/09", "ocr/10"}));
}

TEST_F(SamplesIndex, BooleanOperators) {
  const auto a = only(search("\"nông thôn mới\""), "clean");
  const auto b = only(search("\"nông thôn mới\" NOT \"thủy lợi\""), "clean");
  EXPECT_TRUE(a.count("clean/04"));
  EXPECT_FALSE(b.count("clean/04"));
  EXPECT_EQ(b.size() + 1, a.size());
}

// Issue 13: "-word" and "-type:bc" exclude without a "--" before them;
// short options still work beside them, and a mistyped long option is
// still a usage error.
TEST_F(SamplesIndex, ExcludedWordsNeedNoDoubleDash) {
  const std::string db = " --db " + quote((*dir_ / "db").string());
  const CommandResult with_dash = run(std::string(VNSEARCH_PATH) + " --json" + db + " -- tinh -dang");
  const CommandResult without = run(std::string(VNSEARCH_PATH) + " --json" + db + " tinh -dang");
  ASSERT_EQ(without.status, 0);
  EXPECT_EQ(without.out, with_dash.out);
  EXPECT_LT(search("tinh -dang").size(), search("tinh").size());
  EXPECT_EQ(run(std::string(VNSEARCH_PATH) + " -n 1 --json" + db + " tinh -type:bc").status, 0);
  EXPECT_NE(run(std::string(VNSEARCH_PATH) + db + " --limt 3 tinh").status, 0);
}

TEST_F(SamplesIndex, LimitAndOffsetPage) {
  const auto all = search("tinh");
  const auto page = search("tinh", "--limit 3 --offset 2");
  ASSERT_GE(all.size(), 5u);
  EXPECT_EQ(page, std::vector<std::string>(all.begin() + 2, all.begin() + 5));
}

TEST_F(SamplesIndex, HumanOutputShowsRankPathTitleAndSnippet) {
  const CommandResult r = run(std::string(VNSEARCH_PATH) + " --limit 1 --db " + quote((*dir_ / "db").string()) +
                              " '\"chuyển đổi số\"'");
  ASSERT_EQ(r.status, 0);
  EXPECT_EQ(r.out.rfind("1. [", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("/samples/"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Chuyển đổi số"), std::string::npos) << r.out;  // the title, restored
  EXPECT_NE(r.out.find("chuyển đổi số"), std::string::npos) << r.out;  // the snippet
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos) << "no colour when not a terminal";
}

// --queries: many queries in one process, one JSON object per line, in
// order, each the same as the query alone; a bad line is reported (naming
// the line) and the others still run.
TEST_F(SamplesIndex, QueriesFromAFileAnswerEachLineInOrder) {
  vn::test::TempDir dir;
  const fs::path queries = dir / "queries.txt";
  {
    std::FILE* f = std::fopen(queries.c_str(), "w");
    std::fputs("tinh\n\n\"chuyển đổi số\"\n(\n", f);  // a blank line is skipped; "(" has no words
    std::fclose(f);
  }
  const CommandResult r = run("{ " + std::string(VNSEARCH_PATH) + " --json --limit 100 --db " +
                              quote((*dir_ / "db").string()) + " --queries " + quote(queries.string()) + " 2> " +
                              quote((dir / "err.txt").string()) + "; }");
  EXPECT_EQ(r.status, 2);
  const std::string err = vn::test::read_file(dir / "err.txt");
  EXPECT_NE(err.find("queries.txt line 4: bad query"), std::string::npos) << err;
  std::vector<rapidjson::Document> lines;
  for (size_t start = 0, end; (end = r.out.find('\n', start)) != std::string::npos; start = end + 1) {
    lines.emplace_back().Parse(r.out.substr(start, end - start).c_str());
    ASSERT_TRUE(lines.back().IsObject()) << r.out;
  }
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_STREQ(lines[0]["query"].GetString(), "tinh");
  EXPECT_EQ(lines[0]["hits"].Size(), search("tinh").size());
  EXPECT_EQ(lines[1]["hits"].Size(), search("\"chuyển đổi số\"").size());
  EXPECT_TRUE(lines[2].HasMember("error"));
}

// The same archive indexed as it is (--no-restore): the OCR text is
// searchable only where its letters survived.
class RawSamplesIndex : public SamplesIndex {
 protected:
  static void SetUpTestSuite() {
    dir_ = new vn::test::TempDir;
    index_status_ = run(std::string(VNINDEX_PATH) + " index -q --no-restore --db " + quote((*dir_ / "db").string()) +
                        " " + quote(SAMPLES_DIR))
                        .status;
  }
};

TEST_F(RawSamplesIndex, UnaccentedPhraseFindsOcrTextWhoseLettersSurvived) {
  ASSERT_EQ(index_status_, 0);
  const auto hits = search("\"dang bo tinh\"");
  EXPECT_EQ(only(hits, "clean"), (Labels{"clean/01", "clean/02", "clean/05", "clean/10"}));
  EXPECT_EQ(only(hits, "ocr"), ocr_containing_folded({"dang", "bo", "tinh"}));
}

TEST_F(RawSamplesIndex, ExactSpellingsRankFirst) {
  const auto hits = search("\"Đảng bộ tỉnh\"");
  ASSERT_GE(hits.size(), 4u);
  EXPECT_EQ(only({hits.begin(), hits.begin() + 4}, "clean").size(), 4u);
}

TEST_F(SamplesIndex, MetadataFilters) {
  const auto set = [](const std::vector<std::string>& v) { return Labels(v.begin(), v.end()); };
  const Labels reports{"clean/01", "clean/04", "clean/10", "ocr/01", "ocr/04", "ocr/10"};
  EXPECT_EQ(set(search("type:bc")), reports);
  EXPECT_EQ(set(search("type:\"báo cáo\"")), reports);
  EXPECT_EQ(set(search("type:\"bao cao\"")), reports);
  EXPECT_EQ(set(search("code:215-BC/TU")), (Labels{"clean/01", "ocr/01"}));
  EXPECT_EQ(set(search("cites:18-NQ/TW")), (Labels{"clean/01", "clean/09", "clean/10", "ocr/01", "ocr/09", "ocr/10"}));
  EXPECT_EQ(set(search("cites:18-NQ/TW -type:bc")), (Labels{"clean/09", "ocr/09"}));
  EXPECT_EQ(set(search("issuer:\"tuyên quang\"")), (Labels{"clean/03", "clean/07", "ocr/03", "ocr/07"}));
  EXPECT_EQ(set(search("issuer:\"tuyen quang\" chuyển đổi số")), (Labels{"clean/03", "clean/07", "ocr/03", "ocr/07"}));
  const auto y2025 = set(search("year:2025"));
  EXPECT_TRUE(y2025.count("clean/01") && y2025.count("clean/10"));
  EXPECT_TRUE(set(search("year:2030")).empty());
  EXPECT_EQ(set(search("date:2025-09-01..")), (Labels{"clean/09", "clean/10", "ocr/09", "ocr/10"}));
  EXPECT_EQ(set(search("type:bc", "--limit 100 --from 2025-09-01")), (Labels{"clean/10", "ocr/10"}));
}

TEST_F(SamplesIndex, SortByDateAndFacets) {
  const CommandResult r = run(std::string(VNSEARCH_PATH) + " --json --limit 100 --sort date --facet type,year --db " +
                              quote((*dir_ / "db").string()) + " 'cites:18-NQ/TW'");
  ASSERT_EQ(r.status, 0);
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  ASSERT_TRUE(d.IsObject());
  std::vector<std::string> dates;
  for (const auto& h : d["hits"].GetArray()) dates.push_back(h["metadata"]["date"].GetString());
  EXPECT_TRUE(std::is_sorted(dates.rbegin(), dates.rend())) << "newest first";
  const auto& types = d["facets"]["type"];
  ASSERT_TRUE(types.IsArray());
  ASSERT_GE(types.Size(), 2u);
  EXPECT_STREQ(types[0]["value"].GetString(), "BÁO CÁO");
  EXPECT_EQ(types[0]["count"].GetUint(), 4u);
  EXPECT_STREQ(types[1]["value"].GetString(), "CÔNG VĂN");
  EXPECT_EQ(types[1]["count"].GetUint(), 2u);
}

TEST_F(SamplesIndex, DocShowsMetadataAndTheCitationGraph) {
  const std::string db = quote((*dir_ / "db").string());
  CommandResult r = run(std::string(VNSEARCH_PATH) + " --json --db " + db + " --doc 512-CV/BTCTU");
  ASSERT_EQ(r.status, 0);
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  ASSERT_TRUE(d.IsObject());
  EXPECT_STREQ(d["metadata"]["type"].GetString(), "CÔNG VĂN");
  Labels cited_by;
  for (const auto& c : d["cited_by"].GetArray()) {
    const fs::path p(c["path"].GetString());
    cited_by.insert(p.parent_path().filename().string() + "/" + p.filename().string().substr(0, 2));
  }
  EXPECT_EQ(cited_by, (Labels{"clean/10", "ocr/10"}));  // 10 cites 09's code
  r = run(std::string(VNSEARCH_PATH) + " --db " + db + " --doc " + quote(std::string(SAMPLES_DIR) + "/clean/10-bao-cao-tong-ket-nq18.txt"));
  ASSERT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("NQ 18-NQ/TW"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("QĐ 1534/QĐ-UBND  -> "), std::string::npos) << r.out;  // resolved to sample 06
  EXPECT_EQ(run(std::string(VNSEARCH_PATH) + " --db " + db + " --doc 999-XX/YY").status, 2);
}

TEST(EndToEnd, BadFilesAreReportedAndTheRunGoesOn) {
  vn::test::TempDir dir;
  vn::test::write_file(dir / "src/good.txt", "Báo cáo tốt");
  vn::test::write_file(dir / "src/bad.txt", "h\xE0ng");
  const std::string report = (dir / "report.json").string();
  const CommandResult r = run(std::string(VNINDEX_PATH) + " index -q --db " + quote((dir / "db").string()) + " --report " +
                    quote(report) + " " + quote((dir / "src").string()));
  EXPECT_EQ(r.status, 1);
  rapidjson::Document d;
  d.Parse(vn::test::read_file(report).c_str());
  ASSERT_TRUE(d.IsObject());
  EXPECT_EQ(d["documents"].GetUint64(), 1u);
  ASSERT_EQ(d["errors"].Size(), 1u);
  EXPECT_NE(std::string(d["errors"][0]["path"].GetString()).find("bad.txt"), std::string::npos);
  EXPECT_NE(std::string(d["errors"][0]["reason"].GetString()).find("UTF-8"), std::string::npos);
}

TEST(EndToEnd, MissingOrCorruptIndexIsAClearError) {
  vn::test::TempDir dir;
  EXPECT_EQ(run(std::string(VNSEARCH_PATH) + " --db " + quote((dir / "none").string()) + " x").status, 2);
  vn::test::write_file(dir / "db/xapian/iamglass", "garbage");
  EXPECT_EQ(run(std::string(VNSEARCH_PATH) + " --db " + quote((dir / "db").string()) + " x").status, 2);
}

TEST(EndToEnd, SharedSeedsIndexAndSearchWhenPresent) {
  const fs::path seeds = fs::path(SHARED_DIR) / "seeds";
  if (!fs::is_directory(seeds)) GTEST_SKIP() << "../shared is absent";
  vn::test::TempDir dir;
  const std::string db = quote((dir / "db").string());
  ASSERT_EQ(run(std::string(VNINDEX_PATH) + " index -q --db " + db + " " + quote(seeds.string())).status, 0);
  const CommandResult r = run(std::string(VNSEARCH_PATH) + " --json --db " + db + " 18-NQ/TW");
  ASSERT_EQ(r.status, 0);
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  ASSERT_TRUE(d.IsObject());
  ASSERT_GE(d["hits"].Size(), 1u);
  EXPECT_NE(std::string(d["hits"][0]["path"].GetString()).find("002_"), std::string::npos);
}
