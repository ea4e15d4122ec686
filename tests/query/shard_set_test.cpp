// Searching shards as one index (query/shard_set.hpp): stub files, and the
// same answers over N local shards as over the whole index.
#include "query/shard_set.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "index/index_test_util.hpp"
#include "query/searcher.hpp"
#include "test_util.hpp"

using namespace vn;
namespace fs = std::filesystem;

namespace {

// What a search answers, in order (ties by path, whatever the docids).
struct Answer {
  std::vector<std::tuple<double, std::string, std::string, std::string>> hits;  // -score, path, snippet, code
  Xapian::doccount total = 0;
  std::vector<std::pair<std::string, std::vector<std::pair<std::string, Xapian::doccount>>>> facets;
  bool operator==(const Answer&) const = default;
};

Answer answer(query::Searcher& searcher, const std::string& q) {
  query::SearchRequest req;
  req.query = q;
  req.limit = 1000;
  req.facets = {"type", "year"};
  req.restore_query = false;
  const query::SearchResult r = searcher.search(req);
  Answer a;
  for (const query::Hit& h : r.hits) {
    EXPECT_TRUE(h.snippet_error.empty()) << h.snippet_error;
    a.hits.emplace_back(-std::round(h.score * 1e9) / 1e9, h.path, h.snippet.text, h.metadata.code);
  }
  a.total = r.estimated_total;
  for (const auto& [name, values] : r.facets) {
    a.facets.emplace_back(name, std::vector<std::pair<std::string, Xapian::doccount>>{});
    for (const auto& v : values) a.facets.back().second.emplace_back(v.value, v.count);
  }
  return a;
}

const char* const kQueries[] = {"nghị quyết", "chuyển đổi số", "\"ban thường vụ\"", "báo cáo OR kết luận", "type:baocao",
                                "ban NEAR tỉnh", "huyện"};

}  // namespace

TEST(StubFile, NamesLocalIndexesAndRemoteShardsInXapiansFormat) {
  test::TempDir dir;
  test::write_file(dir / "all.stub",
                   "# the archive's shards\n"
                   "auto shard-1/xapian\n"
                   "\n"
                   "glass /srv/shard-2\n"
                   "remote 10.0.0.7:33333\n");
  const auto shards = query::shard_addresses({dir / "all.stub", dir / "other"});
  ASSERT_EQ(shards.size(), 4u);
  EXPECT_EQ(shards[0].dir, dir / "shard-1");  // the index, not its xapian/
  EXPECT_EQ(shards[1].dir, fs::path("/srv/shard-2"));
  EXPECT_TRUE(shards[2].remote());
  EXPECT_EQ(shards[2].describe(), "remote 10.0.0.7:33333");
  EXPECT_EQ(shards[3].dir, dir / "other");
  for (const char* bad : {"remote 10.0.0.7\n", "remote :99999\n", "remote host:x\n", "tcp 1.2.3.4 5\n", "auto a b\n", "auto\n"}) {
    test::write_file(dir / "bad.stub", std::string("auto x\n") + bad);
    try {
      query::shard_addresses({dir / "bad.stub"});
      ADD_FAILURE() << bad;
    } catch (const query::IndexError& e) {
      EXPECT_NE(std::string(e.what()).find("bad.stub:2: "), std::string::npos) << e.what();
    }
  }
  test::write_file(dir / "empty.stub", "# nothing\n");
  EXPECT_THROW(query::shard_addresses({dir / "empty.stub"}), query::IndexError);
}

TEST(ShardSet, ThreeLocalShardsAnswerAsTheWholeIndex) {
  test::TempDir whole, a, b, c;
  const fs::path src = test::samples_dir() / "ocr";
  test::index_tree(whole.path(), src, {.restore = false});
  std::vector<query::ShardAddress> shards;
  for (auto [db, k] : {std::pair{&a, 1u}, {&b, 2u}, {&c, 3u}}) {
    test::index_tree(db->path(), src, {.restore = false, .shard = {k, 3}});
    shards.push_back({db->path(), {}, 0});
  }
  query::Searcher one(whole.path()), three(shards);
  EXPECT_EQ(one.document_count(), three.document_count());
  for (const char* q : kQueries) {
    const Answer expected = answer(one, q);
    EXPECT_FALSE(expected.hits.empty()) << q;
    EXPECT_EQ(answer(three, q), expected) << q;
  }
  // A document and its citations, cited documents in other shards included.
  for (const auto& [score, path, snippet, code] : answer(one, "nghị quyết").hits) {
    const query::DocumentView x = one.describe(path), y = three.describe(path);
    EXPECT_EQ(x.record.text, y.record.text);
    ASSERT_EQ(x.cites.size(), y.cites.size()) << path;
    for (size_t i = 0; i < x.cites.size(); ++i) EXPECT_EQ(x.cites[i].path, y.cites[i].path);
    EXPECT_EQ(x.cited_by.size(), y.cited_by.size()) << path;
    EXPECT_EQ(one.document_text(path).original, three.document_text(path).original);
  }
}

TEST(ShardSet, HitsOfEqualScoreComeInPathOrderWhateverTheLayout) {
  test::TempDir src, whole, a, b;
  for (const char* name : {"z.txt", "m.txt", "a.txt", "q.txt", "c.txt", "x.txt"})
    test::write_file(src / name, "Thông báo kết luận của Ban Thường vụ Tỉnh ủy");  // all alike but the bytes of...
  test::write_file(src / "c.txt", "Thông báo kết luận của Ban Thường vụ Huyện ủy");  // ...one, so no copies collapse
  test::index_tree(whole.path(), src.path(), {.restore = false});
  test::index_tree(a.path(), src.path(), {.restore = false, .shard = {1, 2}});
  test::index_tree(b.path(), src.path(), {.restore = false, .shard = {2, 2}});
  query::Searcher one(whole.path()), two(std::vector<query::ShardAddress>{{a.path(), {}, 0}, {b.path(), {}, 0}});
  query::SearchRequest req;
  req.query = "kết luận";
  req.restore_query = false;
  req.all_copies = true;
  auto paths = [&](query::Searcher& s) {
    std::vector<std::string> p;
    for (const query::Hit& h : s.search(req).hits) p.push_back(fs::path(h.path).filename().string());
    return p;
  };
  EXPECT_EQ(paths(one), (std::vector<std::string>{"a.txt", "c.txt", "m.txt", "q.txt", "x.txt", "z.txt"}));
  EXPECT_EQ(paths(two), paths(one));
}
