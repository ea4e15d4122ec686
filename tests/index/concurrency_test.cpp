// Searching while the index is written and compacted.
#include <gtest/gtest.h>
#include <xapian.h>

#include <atomic>
#include <thread>

#include "index/compact.hpp"
#include "index/index_test_util.hpp"
#include "index/pipeline.hpp"
#include "query/searcher.hpp"
#include "store/schema.hpp"
#include "test_util.hpp"

using namespace vn;
namespace fs = std::filesystem;

TEST(Concurrency, SearchesStayConsistentWhileIndexingAndCompacting) {
  test::TempDir src, db;
  test::write_docs(src.path(), 40, "một");
  test::index_tree(db.path(), src.path(), {.restore = false});
  std::atomic<bool> done{false};
  std::thread writer([&] {
    for (int round = 0; round < 6; ++round) {
      test::write_docs(src.path(), 40, round % 2 ? "một" : "hai");
      index::IndexOptions o;
      o.db = db.path();
      o.inputs = {src.path().string()};
      o.threads = 1;
      o.restore = false;
      o.commit_every = 3;  // many revisions
      index::run_index(o, nullptr);
      index::compact_index(db.path());
    }
    done = true;
  });
  query::Searcher searcher(db.path());
  query::SearchRequest req;
  req.query = "\"công tác chuyển đổi số\"";
  req.limit = 100;
  size_t searches = 0;
  while (!done) {
    const auto result = searcher.search(req);
    ASSERT_EQ(result.hits.size(), 40u);  // every revision holds each document once
    for (const auto& h : result.hits) ASSERT_TRUE(h.snippet_error.empty()) << h.snippet_error;
    ++searches;
  }
  writer.join();
  EXPECT_GT(searches, 0u);
}
