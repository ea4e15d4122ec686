// vnindex compact: space is reclaimed, the index stays whole.
#include <gtest/gtest.h>
#include <xapian.h>


#include "index/compact.hpp"
#include "index/index_test_util.hpp"
#include "index/pipeline.hpp"
#include "index/verify.hpp"
#include "query/searcher.hpp"
#include "store/schema.hpp"
#include "store/text_chunk.hpp"
#include "test_util.hpp"

using namespace vn;
namespace fs = std::filesystem;

TEST(Compact, ReclaimsReplacedAndRemovedRecordsAndKeepsTheIndexWhole) {
  test::TempDir src, db;
  test::write_docs(src.path(), 50, "một");
  test::index_tree(db.path(), src.path(), {.restore = false});
  test::write_docs(src.path(), 25, "hai");  // half replaced
  for (int i = 40; i < 50; ++i) fs::remove(src / ("d" + std::to_string(i) + ".txt"));
  test::index_tree(db.path(), src.path(), {.prune = true, .restore = false, .compact = false});

  const auto stats = index::compact_index(db.path());
  EXPECT_EQ(stats.documents, 40u);
  EXPECT_EQ(stats.records_moved, 15u);  // the live records of the first run's file
  EXPECT_EQ(stats.sidecar_files_removed, 1u);
  EXPECT_LT(stats.sidecar_bytes_after, stats.sidecar_bytes_before);
  EXPECT_LT(stats.xapian_bytes_after, stats.xapian_bytes_before);
  EXPECT_FALSE(fs::exists(store::schema::compacted_xapian_dir(db.path())));

  const auto r = index::verify_index(db.path());
  EXPECT_TRUE(r.ok()) << (r.problems.empty() ? "" : r.problems[0]);
  EXPECT_EQ(r.records, 40u);
  query::Searcher searcher(db.path());
  query::SearchRequest req;
  req.query = "\"phiên bản hai\"";
  req.limit = 100;
  req.approximate = false;  // the matches alone, not "phiên bản một" after them
  EXPECT_EQ(searcher.search(req).hits.size(), 25u);
  req.query = "\"phiên bản một\"";
  EXPECT_EQ(searcher.search(req).hits.size(), 15u);

  test::index_tree(db.path(), src.path(), {.restore = false});  // an index run after compaction has nothing to do
  EXPECT_TRUE(index::verify_index(db.path()).ok());
}

// A run that wrote a tenth of the index or more compacts the Xapian
// database itself: a later vnindex compact finds nothing to reclaim there.
TEST(Compact, ARunThatWritesMuchOfTheIndexCompactsIt) {
  test::TempDir src, db;
  test::write_docs(src.path(), 50, "một");
  // One thread: the run's own database is compacted (with more, parts are merged: xapian_parts_test.cpp).
  const auto first = test::index_tree(db.path(), src.path(), {.threads = 1, .restore = false});
  EXPECT_TRUE(first.compacted);
  EXPECT_LT(first.xapian_bytes_after_compaction, first.xapian_bytes_before_compaction);
  EXPECT_TRUE(first.compaction_error.empty());
  test::write_docs(src.path(), 3, "hai");  // 3 of 50: not worth it
  EXPECT_FALSE(test::index_tree(db.path(), src.path(), {.restore = false}).compacted);
  test::write_docs(src.path(), 3, "ba");
  EXPECT_FALSE(test::index_tree(db.path(), src.path(), {.restore = false, .compact = false}).compacted);
  EXPECT_TRUE(index::verify_index(db.path()).ok());
  query::Searcher searcher(db.path());
  query::SearchRequest req;
  req.query = "\"phiên bản ba\"";
  req.limit = 100;
  req.approximate = false;  // the matches alone
  EXPECT_EQ(searcher.search(req).hits.size(), 3u);
}

// A record in chunks moves whole: its header and every chunk after it.
TEST(Compact, MovesARecordInChunksWhole) {
  test::TempDir src, db;
  std::string text;
  for (int i = 0; text.size() < 3 * store::kChunkTextBytes; ++i) text += "Dòng thứ " + std::to_string(i) + " của văn bản.\n";
  test::write_file(src / "huge.txt", text + "Kết luận về khoa học.\n");
  test::write_docs(src.path(), 3, "một");
  test::index_tree(db.path(), src.path(), {.restore = false});
  test::write_docs(src.path(), 3, "hai");  // dead bytes in the first run's file
  test::index_tree(db.path(), src.path(), {.restore = false});

  EXPECT_EQ(index::compact_index(db.path()).records_moved, 1u);
  const auto r = index::verify_index(db.path());
  EXPECT_TRUE(r.ok()) << (r.problems.empty() ? "" : r.problems[0]);
  query::Searcher searcher(db.path());
  query::SearchRequest req;
  req.query = "\"khoa học\"";
  const auto result = searcher.search(req);
  ASSERT_EQ(result.hits.size(), 1u);
  EXPECT_NE(result.hits[0].snippet.text.find("Kết luận về khoa học"), std::string::npos) << result.hits[0].snippet_error;
}

TEST(Compact, TidiesWhatAnInterruptedCompactionLeft) {
  test::TempDir src, db;
  test::write_docs(src.path(), 5, "một");
  test::index_tree(db.path(), src.path(), {.restore = false});
  // Killed between the two renames of the fallback swap: only the old database is left, aside.
  fs::rename(store::schema::xapian_dir(db.path()), db / "xapian.old");
  fs::create_directories(store::schema::compacted_xapian_dir(db.path()));
  test::index_tree(db.path(), src.path(), {.restore = false});
  EXPECT_FALSE(fs::exists(db / "xapian.old"));
  EXPECT_FALSE(fs::exists(store::schema::compacted_xapian_dir(db.path())));
  const auto r = index::verify_index(db.path());
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.documents, 5u);
}
