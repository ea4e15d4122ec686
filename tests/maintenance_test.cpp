// vnindex verify and compact: inconsistencies are found, space is reclaimed.
#include <gtest/gtest.h>
#include <xapian.h>

#include <atomic>
#include <fstream>
#include <thread>

#include "index/compact.hpp"
#include "index/pipeline.hpp"
#include "index/verify.hpp"
#include "query/searcher.hpp"
#include "store/document_data.hpp"
#include "store/schema.hpp"
#include "test_util.hpp"

using namespace vn;
namespace fs = std::filesystem;

namespace {

void index_tree(const fs::path& db, const fs::path& src, bool prune = false) {
  index::IndexOptions o;
  o.db = db;
  o.inputs = {src.string()};
  o.threads = 2;
  o.prune = prune;
  o.restore = false;
  index::run_index(o, nullptr);
}

void write_docs(const fs::path& src, int n, const std::string& version) {
  for (int i = 0; i < n; ++i)
    test::write_file(src / ("d" + std::to_string(i) + ".txt"),
                     "Báo cáo số " + std::to_string(i) + " phiên bản " + version + " về công tác chuyển đổi số");
}

store::DocumentData data_of(const fs::path& db, Xapian::docid id) {
  Xapian::Database x(store::schema::xapian_dir(db).string());
  return store::decode_document_data(x.get_document(id).get_data());
}

bool mentions(const index::VerifyReport& r, const std::string& what) {
  for (const auto& p : r.problems)
    if (p.find(what) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST(Verify, AFreshIndexIsConsistent) {
  test::TempDir src, db;
  write_docs(src.path(), 20, "một");
  index_tree(db.path(), src.path());
  const auto r = index::verify_index(db.path());
  EXPECT_TRUE(r.ok()) << (r.problems.empty() ? "" : r.problems[0]);
  EXPECT_EQ(r.documents, 20u);
  EXPECT_EQ(r.records, 20u);
}

TEST(Verify, FindsDamagedSidecarRecords) {
  test::TempDir src, db;
  write_docs(src.path(), 5, "một");
  index_tree(db.path(), src.path());
  const store::DocumentData d = data_of(db.path(), 2);
  {  // overwrite the middle of document 2's frame
    std::fstream f(store::schema::sidecar_dir(db.path()) / d.sidecar.file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(d.sidecar.offset + d.sidecar.length / 2));
    f.write("\xff\xff\xff\xff", 4);
  }
  auto r = index::verify_index(db.path());
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(mentions(r, "document 2: sidecar record unreadable")) << (r.problems.empty() ? "" : r.problems[0]);

  fs::resize_file(store::schema::sidecar_dir(db.path()) / d.sidecar.file, d.sidecar.offset);  // truncated
  r = index::verify_index(db.path());
  EXPECT_GE(r.problem_count, 4u);  // documents 2..5
  EXPECT_TRUE(mentions(r, "shorter than the index expects"));
}

TEST(Verify, FindsDuplicateAndMismatchedPaths) {
  test::TempDir src, db;
  write_docs(src.path(), 3, "một");
  index_tree(db.path(), src.path());
  {
    Xapian::WritableDatabase x(store::schema::xapian_dir(db.path()).string());
    Xapian::Document copy = x.get_document(1);
    x.add_document(copy);  // the same path twice
    Xapian::Document wrong = x.get_document(2);
    store::DocumentData d = store::decode_document_data(wrong.get_data());
    d.path = "/elsewhere.txt";
    wrong.set_data(store::encode_document_data(d));
    x.replace_document(2, wrong);
    x.commit();
  }
  const auto r = index::verify_index(db.path());
  EXPECT_TRUE(mentions(r, "indexed 2 times"));
  EXPECT_TRUE(mentions(r, "same path as document 1"));
  EXPECT_TRUE(mentions(r, "document 2: id terms do not match its path /elsewhere.txt"));
}

TEST(Compact, ReclaimsReplacedAndRemovedRecordsAndKeepsTheIndexWhole) {
  test::TempDir src, db;
  write_docs(src.path(), 50, "một");
  index_tree(db.path(), src.path());
  write_docs(src.path(), 25, "hai");  // half replaced
  for (int i = 40; i < 50; ++i) fs::remove(src / ("d" + std::to_string(i) + ".txt"));
  index_tree(db.path(), src.path(), true);

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
  EXPECT_EQ(searcher.search(req).hits.size(), 25u);
  req.query = "\"phiên bản một\"";
  EXPECT_EQ(searcher.search(req).hits.size(), 15u);

  index_tree(db.path(), src.path());  // an index run after compaction has nothing to do
  EXPECT_TRUE(index::verify_index(db.path()).ok());
}

TEST(Compact, TidiesWhatAnInterruptedCompactionLeft) {
  test::TempDir src, db;
  write_docs(src.path(), 5, "một");
  index_tree(db.path(), src.path());
  // Killed between the two renames of the fallback swap: only the old database is left, aside.
  fs::rename(store::schema::xapian_dir(db.path()), db / "xapian.old");
  fs::create_directories(store::schema::compacted_xapian_dir(db.path()));
  index_tree(db.path(), src.path());
  EXPECT_FALSE(fs::exists(db / "xapian.old"));
  EXPECT_FALSE(fs::exists(store::schema::compacted_xapian_dir(db.path())));
  const auto r = index::verify_index(db.path());
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.documents, 5u);
}

TEST(Concurrency, SearchesStayConsistentWhileIndexingAndCompacting) {
  test::TempDir src, db;
  write_docs(src.path(), 40, "một");
  index_tree(db.path(), src.path());
  std::atomic<bool> done{false};
  std::thread writer([&] {
    for (int round = 0; round < 6; ++round) {
      write_docs(src.path(), 40, round % 2 ? "một" : "hai");
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
