#include <gtest/gtest.h>

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
