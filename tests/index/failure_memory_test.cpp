// Issue 10 (guards): files that failed stay remembered with their reason. A
// rerun does not read a failed file again while it is unchanged, and says
// the failure is known; a changed file is read again; a file that is indexed
// or gone is forgotten; --retry-failed reads every failed file again.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <csignal>

#include "index/failure_memory.hpp"
#include "index/index_test_util.hpp"
#include "store/schema.hpp"

using namespace vn;
namespace fs = std::filesystem;

namespace {

const std::string kBinary("\x7f" "ELF\x02\x01\x01\0\0\0\0", 12);

// The outcome of the file named `name` in `outcomes`, or nullptr.
const index::FileOutcome* outcome_of(const std::vector<index::FileOutcome>& outcomes, const std::string& name) {
  const auto it = std::find_if(outcomes.begin(), outcomes.end(),
                               [&](const auto& o) { return fs::path(o.path).filename() == name; });
  return it == outcomes.end() ? nullptr : &*it;
}
const index::FileOutcome* outcome_of(const test::TreeStats& s, const std::string& name) {
  return outcome_of(s.outcomes, name);
}
// Of a run without a test::TreeStats: only failed, skipped or damaged files.
const index::FileOutcome* outcome_of(const index::IndexStats& s, const std::string& name) {
  return outcome_of(s.notable, name);
}

test::TreeStats rerun(const test::TempDir& db, const test::TempDir& src, test::TreeRun run = {}) {
  run.restore = false;
  return test::index_tree(db.path(), src.path(), run);
}

// A tree of one good file and one binary file, indexed once.
struct FailedTree {
  test::TempDir src, db;
  test::TreeStats first;
  FailedTree() {
    test::write_file(src / "good.txt", "Báo cáo tốt");
    test::write_file(src / "bad.txt", kBinary);
    first = rerun(db, src);
  }
};

}  // namespace

TEST(RememberedFailures, AFailureIsNewTheFirstTimeAndKnownWhileTheFileIsUnchanged) {
  FailedTree t;
  ASSERT_EQ(t.first.errors.size(), 1u);
  EXPECT_EQ(t.first.known_failed, 0u);
  EXPECT_FALSE(outcome_of(t.first, "bad.txt")->known);

  const auto second = rerun(t.db, t.src);
  const index::FileOutcome* bad = outcome_of(second, "bad.txt");
  ASSERT_NE(bad, nullptr);
  EXPECT_EQ(bad->outcome, index::Outcome::kFailed);
  EXPECT_TRUE(bad->known);
  EXPECT_EQ(bad->detail, outcome_of(t.first, "bad.txt")->detail);  // the remembered reason
  EXPECT_EQ(second.errors.size(), 1u);
  EXPECT_EQ(second.known_failed, 1u);
  EXPECT_EQ(second.bytes, fs::file_size(t.src / "good.txt"));  // bad.txt was not read
}

TEST(RememberedFailures, RetryFailedReadsTheFileAgain) {
  FailedTree t;
  const auto retried = rerun(t.db, t.src, {.retry_failed = true});
  EXPECT_FALSE(outcome_of(retried, "bad.txt")->known);
  EXPECT_EQ(retried.known_failed, 0u);
  EXPECT_EQ(retried.bytes, fs::file_size(t.src / "good.txt") + kBinary.size());
  EXPECT_TRUE(outcome_of(rerun(t.db, t.src), "bad.txt")->known);  // and still remembers it
}

TEST(RememberedFailures, AFileWhoseMtimeOrSizeChangedIsReadAgain) {
  FailedTree t;
  const fs::path bad = t.src / "bad.txt";
  fs::last_write_time(bad, fs::last_write_time(bad) + std::chrono::hours(1));
  const auto touched = rerun(t.db, t.src);
  EXPECT_FALSE(outcome_of(touched, "bad.txt")->known);
  EXPECT_EQ(touched.bytes, fs::file_size(t.src / "good.txt") + kBinary.size());

  const auto mtime = fs::last_write_time(bad);
  test::write_file(bad, kBinary + kBinary);
  fs::last_write_time(bad, mtime);  // the same mtime, another size
  EXPECT_FALSE(outcome_of(rerun(t.db, t.src), "bad.txt")->known);
  EXPECT_TRUE(outcome_of(rerun(t.db, t.src), "bad.txt")->known);  // remembered with its new identity
}

TEST(RememberedFailures, AFixedFileIsIndexedAndForgotten) {
  FailedTree t;
  const fs::path bad = t.src / "bad.txt";
  const auto broken_at = fs::last_write_time(bad);
  test::write_file(bad, "Văn bản đã sửa");
  fs::last_write_time(bad, broken_at + std::chrono::hours(1));
  const auto fixed = rerun(t.db, t.src);
  EXPECT_EQ(outcome_of(fixed, "bad.txt")->outcome, index::Outcome::kAdded);
  EXPECT_TRUE(fixed.errors.empty());
  EXPECT_FALSE(fs::exists(store::schema::failures_file(t.db.path())));  // nothing left to remember

  test::write_file(bad, kBinary);  // broken again exactly as it was: a new failure, read
  fs::last_write_time(bad, broken_at);
  EXPECT_FALSE(outcome_of(rerun(t.db, t.src), "bad.txt")->known);
}

TEST(RememberedFailures, ADeletedFileIsForgottenButFilesOutsideTheRunsInputsAreNot) {
  test::TempDir src, db;
  test::write_file(src / "a/bad.txt", kBinary);
  test::write_file(src / "b/bad2.txt", kBinary);
  index::IndexOptions o;
  o.db = db.path();
  o.inputs = {(src / "a").string(), (src / "b").string()};
  o.restore = false;
  o.threads = 2;
  EXPECT_EQ(index::run_index(o, nullptr).errors.size(), 2u);

  fs::remove(src / "a/bad.txt");
  o.inputs = {(src / "a").string()};
  index::run_index(o, nullptr);  // a/bad.txt is gone from its tree; b/ was not looked at
  test::write_file(src / "a/bad.txt", kBinary);
  o.inputs = {(src / "a").string(), (src / "b").string()};
  const auto s = index::run_index(o, nullptr);
  EXPECT_FALSE(outcome_of(s, "bad.txt")->known);  // forgotten when it was gone: new again
  EXPECT_TRUE(outcome_of(s, "bad2.txt")->known);
}

TEST(RememberedFailures, AWalkFailureIsKnownWhenItFailsTheSameWayAgain) {
  test::TempDir src, db;
  test::write_file(src / "good.txt", "Báo cáo tốt");
  index::IndexOptions o;
  o.db = db.path();
  o.inputs = {src.path().string(), (src / "missing").string()};
  o.restore = false;
  o.threads = 2;
  EXPECT_EQ(index::run_index(o, nullptr).known_failed, 0u);
  const auto again = index::run_index(o, nullptr);
  EXPECT_EQ(again.errors.size(), 1u);
  EXPECT_EQ(again.known_failed, 1u);
}

TEST(RememberedFailures, AStoppedRunKeepsTheFailuresOfFilesItDidNotReach) {
  FailedTree t;
  index::StopRequest stop;
  stop.request(SIGTERM);  // before the run: nothing is reached
  const auto stopped = rerun(t.db, t.src, {.stop = &stop});
  EXPECT_EQ(stopped.not_reached, 2u);
  EXPECT_TRUE(outcome_of(rerun(t.db, t.src), "bad.txt")->known);
}

TEST(RememberedFailures, ADamagedFailuresFileOnlyMakesEveryFailureNew) {
  FailedTree t;
  test::write_file(store::schema::failures_file(t.db.path()), "{not json");
  const auto s = rerun(t.db, t.src);
  EXPECT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.known_failed, 0u);
  EXPECT_TRUE(outcome_of(rerun(t.db, t.src), "bad.txt")->known);  // and it is written whole again
}
