#include <gtest/gtest.h>

#include "index/index_test_util.hpp"
#include "query/searcher.hpp"
#include "test_util.hpp"

using namespace vn;

TEST(Searcher, ClearErrorsForMissingIndex) {
  test::TempDir db;
  try {
    query::Searcher s(db / "none");
    FAIL() << "expected IndexError";
  } catch (const query::IndexError& e) {
    EXPECT_NE(std::string(e.what()).find("no index at"), std::string::npos);
  }
}

// Issue 10: --offset 4294967296 wrapped to 0 and showed the first hits again.
TEST(Searcher, OffsetsBeyondXapiansRangeShowNothing) {
  test::TempDir src, db;
  test::write_docs(src.path(), 3, "một");
  test::index_tree(db.path(), src.path(), {.restore = false});
  query::Searcher searcher(db.path());
  query::SearchRequest req;
  req.query = "chuyển đổi số";
  EXPECT_EQ(searcher.search(req).hits.size(), 3u);
  req.offset = size_t{1} << 32;
  EXPECT_TRUE(searcher.search(req).hits.empty());
  req.offset = 1;
  req.limit = (size_t{1} << 32) + 1;  // saturates: every hit after the first
  EXPECT_EQ(searcher.search(req).hits.size(), 2u);
}
