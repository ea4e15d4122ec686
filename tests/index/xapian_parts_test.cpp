// Parts: a first run's Xapian databases written from several threads, and
// what a killed run leaves of them.
#include "index/xapian_parts.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include "index/compact.hpp"
#include "index/index_test_util.hpp"
#include "index/verify.hpp"
#include "store/schema.hpp"
#include "test_util.hpp"

using namespace vn;
namespace fs = std::filesystem;

namespace {

Xapian::Document doc_named(const std::string& name) {
  Xapian::Document doc;
  doc.add_boolean_term(store::schema::id_term(name));
  doc.set_data(name);
  return doc;
}

// Parts holding `n` documents "p0" .. "p<n-1>", committed, as a run killed
// before its merge leaves them.
void leave_parts(const fs::path& db, int n) {
  int synced = 0;
  index::XapianParts parts(db, 2, 1000, 1 << 20, [&] { ++synced; });
  for (int i = 0; i < n; ++i) parts.add(doc_named("p" + std::to_string(i)), 100, i);
  parts.commit();
  EXPECT_GT(synced, 0);  // frames synced before the parts committed
}

Xapian::doccount documents(const fs::path& db) {
  return Xapian::Database(store::schema::xapian_dir(db).string()).get_doccount();
}

}  // namespace

TEST(XapianParts, MergedPartAfterPartIntoAnEmptyDatabase) {
  test::TempDir db;
  Xapian::WritableDatabase(store::schema::xapian_dir(db.path()).string(), Xapian::DB_CREATE).close();
  leave_parts(db.path(), 5);  // part 0: p0 p2 p4; part 1: p1 p3
  EXPECT_TRUE(index::merge_parts(db.path()));
  EXPECT_FALSE(fs::exists(store::schema::xapian_parts_dir(db.path())));
  Xapian::Database merged(store::schema::xapian_dir(db.path()).string());
  std::string order;
  for (Xapian::docid id = 1; id <= merged.get_doccount(); ++id) order += merged.get_document(id).get_data() + " ";
  EXPECT_EQ(order, "p0 p2 p4 p1 p3 ");
  EXPECT_FALSE(index::merge_parts(db.path()));  // none left
}

TEST(XapianParts, AKilledRunsPartsAreMergedByTheNextRun) {
  test::TempDir src, db;
  Xapian::WritableDatabase(store::schema::xapian_dir(db.path()).string(), Xapian::DB_CREATE).close();
  leave_parts(db.path(), 3);
  fs::create_directories(store::schema::xapian_parts_dir(db.path()) / "part-0007");  // killed while Xapian created it
  index::recover_parts(db.path());
  EXPECT_EQ(documents(db.path()), 3u);
  EXPECT_FALSE(fs::exists(store::schema::xapian_parts_dir(db.path())));
}

TEST(XapianParts, PartsBesideADatabaseWithDocumentsWereMergedAlready) {
  test::TempDir src, db;
  test::write_docs(src.path(), 4, "một");
  test::index_tree(db.path(), src.path(), {.restore = false});
  leave_parts(db.path(), 3);  // as if killed between the merge's swap and the parts' removal
  index::recover_parts(db.path());
  EXPECT_EQ(documents(db.path()), 4u);  // not merged twice
  EXPECT_FALSE(fs::exists(store::schema::xapian_parts_dir(db.path())));
}

// Only a first run writes in parts; later runs write the index's
// database, and a run with one thread never uses parts.
TEST(XapianParts, OnlyAFirstRunWithThreadsWritesInParts) {
  test::TempDir src, db, one;
  test::write_docs(src.path(), 30, "một");
  EXPECT_TRUE(test::index_tree(db.path(), src.path(), {.threads = 2, .restore = false}).compacted);
  EXPECT_EQ(documents(db.path()), 30u);
  test::write_docs(src.path(), 10, "hai");
  const test::TreeStats second = test::index_tree(db.path(), src.path(), {.threads = 2, .restore = false});
  EXPECT_EQ(second.count(index::Outcome::kReplaced), 10u);
  EXPECT_EQ(documents(db.path()), 30u);
  EXPECT_FALSE(fs::exists(store::schema::xapian_parts_dir(db.path())));
  test::index_tree(one.path(), src.path(), {.threads = 1, .restore = false});
  EXPECT_EQ(documents(one.path()), 30u);
}

namespace {

// Dies (throws) at the `n`-th outcome, as a run killed half-way.
struct DieAt final : index::OutcomeSink {
  explicit DieAt(size_t n) : left(n) {}
  void met(const index::FileOutcome&) override {
    if (--left == 0) throw std::runtime_error("killed");
  }
  size_t left;
};

// A first run of `src` into `db` on two threads, committing each part
// every commit_every / 2 documents, that dies at the `at`-th outcome.
void die_during_first_run(const fs::path& db, const fs::path& src, size_t commit_every, size_t at) {
  index::IndexOptions o;
  o.db = db;
  o.inputs = {src.string()};
  o.threads = 2;
  o.restore = false;
  o.commit_every = commit_every;
  DieAt die(at);
  o.outcomes = &die;
  EXPECT_THROW(index::run_index(o, nullptr), std::runtime_error);
  ASSERT_TRUE(fs::exists(store::schema::xapian_parts_dir(db)));
}

}  // namespace

// A first run that dies half-way leaves committed parts and the index's
// metadata; the next run merges the parts under that metadata and
// indexes only what they lack.
TEST(XapianParts, ARunThatDiesHalfWayLeavesPartsTheNextRunFinishes) {
  test::TempDir src, db;
  test::write_docs(src.path(), 40, "một");
  die_during_first_run(db.path(), src.path(), 4, 30);
  const Xapian::Database before(store::schema::xapian_dir(db.path()).string());
  EXPECT_EQ(before.get_doccount(), 0u);
  EXPECT_FALSE(before.get_metadata(std::string(store::schema::kBuildModeKey)).empty());
  const index::VerifyReport verified = index::verify_index(db.path());
  EXPECT_TRUE(verified.ok());
  EXPECT_TRUE(verified.unmerged_parts);

  const test::TreeStats rerun = test::index_tree(db.path(), src.path(), {.threads = 2, .restore = false});
  EXPECT_EQ(rerun.count(index::Outcome::kAdded) + rerun.count(index::Outcome::kUnchanged), 40u);
  EXPECT_GT(rerun.count(index::Outcome::kUnchanged), 10u);  // merged from the parts, not indexed again
  EXPECT_EQ(documents(db.path()), 40u);
  EXPECT_FALSE(fs::exists(store::schema::xapian_parts_dir(db.path())));
  EXPECT_FALSE(Xapian::Database(store::schema::xapian_dir(db.path()).string())
                   .get_metadata(std::string(store::schema::kBuildModeKey))
                   .empty());
}

// vnindex compact after a killed first run merges its parts first: their
// records are live, and stay.
TEST(XapianParts, CompactingAfterAKilledFirstRunKeepsItsDocuments) {
  test::TempDir src, db;
  test::write_docs(src.path(), 20, "một");
  die_during_first_run(db.path(), src.path(), 2, 15);
  const index::CompactStats compacted = index::compact_index(db.path());
  EXPECT_GT(compacted.documents, 0u);
  EXPECT_FALSE(fs::exists(store::schema::xapian_parts_dir(db.path())));
  const index::VerifyReport verified = index::verify_index(db.path());
  EXPECT_TRUE(verified.ok()) << (verified.problems.empty() ? "" : verified.problems[0]);
  EXPECT_EQ(verified.records, compacted.documents);
}
