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
      test::index_tree(db.path(), src.path(), {.threads = 1, .restore = false, .commit_every = 3});  // many revisions
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

// Issue 10: with a commit after every document, searches failed with
// DatabaseModifiedError (27 of 28 with 300 hits). 1000 searches of 100 hits
// each, with snippets, while every document is rewritten and committed
// one by one, must all answer from one consistent revision.
TEST(Concurrency, ThousandSearchesWhileEveryDocumentIsCommitted) {
  test::TempDir src, db;
  test::write_docs(src.path(), 100, "0");
  test::index_tree(db.path(), src.path(), {.restore = false});
  std::atomic<bool> stop{false};
  std::atomic<int> rounds{0};
  std::thread writer([&] {
    for (int round = 1; !stop; ++round) {
      test::write_docs(src.path(), 100, std::to_string(round));
      test::index_tree(db.path(), src.path(), {.threads = 1, .restore = false, .commit_every = 1});
      ++rounds;
    }
  });
  query::Searcher searcher(db.path());
  query::SearchRequest req;
  req.query = "\"công tác chuyển đổi số\"";
  req.limit = 100;
  size_t failed = 0, incomplete = 0;
  std::string first_incomplete;  // what the first incomplete result lacked
  for (int i = 0; i < 1000; ++i) {
    try {
      const auto result = searcher.search(req);
      if (result.hits.size() != 100u) {
        ++incomplete;
        if (first_incomplete.empty()) first_incomplete = std::to_string(result.hits.size()) + " hits";
      }
      for (const auto& h : result.hits)
        if (!h.snippet_error.empty()) {
          ++incomplete;
          if (first_incomplete.empty()) first_incomplete = h.path + ": " + h.snippet_error;
        }
    } catch (const std::exception& e) {
      ++failed;
      ADD_FAILURE() << e.what();
    }
  }
  stop = true;
  writer.join();
  EXPECT_EQ(failed, 0u);
  EXPECT_EQ(incomplete, 0u) << "first: " << first_incomplete;
  EXPECT_GT(rounds.load(), 0);
}
