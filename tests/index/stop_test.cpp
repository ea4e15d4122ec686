// Stopping at the next safe point when asked (vnindex on SIGINT, SIGTERM,
// SIGHUP): what was done is committed, nothing is half written, and the
// next run finishes the work.
#include <gtest/gtest.h>
#include <signal.h>
#include <xapian.h>

#include "index/compact.hpp"
#include "index/index_test_util.hpp"
#include "index/stop_request.hpp"
#include "index/verify.hpp"
#include "store/schema.hpp"

using namespace vn;
namespace fs = std::filesystem;

namespace {

// Asks to stop once `after` files have been written.
class StopAfter : public index::ProgressSink {
 public:
  StopAfter(index::StopRequest& stop, size_t after) : stop_(stop), after_(after) {}
  void start(const index::ProgressPlan&) override {}
  void advance(const index::FileProgress&) override {
    if (++done_files_ == after_) stop_.request(SIGTERM);
  }
  void finish() override { finished_ = true; }
  bool finished_ = false;

 private:
  index::StopRequest& stop_;
  size_t after_;
  size_t done_files_ = 0;
};


}  // namespace

TEST(Stop, AnIndexRunStopsAtTheNextDocumentCommitsWhatItDidAndSkipsPruning) {
  test::TempDir src, db;
  test::write_file(src / "gone.txt", "Văn bản sẽ bị xoá");
  test::index_tree(db.path(), src.path(), {.restore = false});
  fs::remove(src / "gone.txt");
  test::write_docs(src.path(), 200, "một");

  index::StopRequest stop;
  StopAfter sink(stop, 10);
  const auto stats = test::index_tree(db.path(), src.path(), {.prune = true, .restore = false, .stop = &stop, .progress = &sink});
  EXPECT_EQ(stats.stopped_by, SIGTERM);
  EXPECT_TRUE(sink.finished_);  // the progress line is ended
  // The files in flight when it was asked (at most the pipeline's depth) are written too.
  EXPECT_GE(stats.documents, 10u);
  EXPECT_LT(stats.documents, 200u);
  EXPECT_EQ(stats.not_reached + stats.outcomes.size(), 200u);
  EXPECT_EQ(stats.count(index::Outcome::kRemoved), 0u);  // a stopped run has not seen every file: pruning waits for a whole run
  EXPECT_EQ(test::documents_in(db.path()), stats.documents + 1);  // committed, and gone.txt still there
  EXPECT_TRUE(index::verify_index(db.path()).ok());

  const auto rerun = test::index_tree(db.path(), src.path(), {.prune = true, .restore = false});
  EXPECT_EQ(rerun.stopped_by, 0);
  EXPECT_EQ(rerun.documents, 200u - stats.documents);
  EXPECT_EQ(rerun.count(index::Outcome::kRemoved), 1u);
  EXPECT_EQ(test::documents_in(db.path()), 200u);
}

TEST(Stop, AStopAskedBeforeTheRunReadsNothingAndLeavesTheIndexAsItWas) {
  test::TempDir src, db;
  test::write_docs(src.path(), 20, "một");
  test::index_tree(db.path(), src.path(), {.restore = false});
  test::write_docs(src.path(), 20, "hai");
  index::StopRequest stop;
  stop.request(SIGINT);
  const auto stats = test::index_tree(db.path(), src.path(), {.restore = false, .stop = &stop});
  EXPECT_EQ(stats.stopped_by, SIGINT);
  EXPECT_EQ(stats.documents, 0u);
  EXPECT_EQ(stats.not_reached, 20u);
  EXPECT_TRUE(index::verify_index(db.path()).ok());
}

TEST(Stop, ACompactionStopsWithTheIndexWholeAndTheNextOneFinishes) {
  test::TempDir src, db;
  test::write_docs(src.path(), 50, "một");
  test::index_tree(db.path(), src.path(), {.restore = false});
  test::write_docs(src.path(), 25, "hai");
  test::index_tree(db.path(), src.path(), {.restore = false});

  index::StopRequest stop;
  stop.request(SIGTERM);
  const auto stopped = index::compact_index(db.path(), &stop);
  EXPECT_EQ(stopped.stopped_by, SIGTERM);
  EXPECT_EQ(stopped.records_moved, 0u);
  EXPECT_EQ(stopped.sidecar_bytes_after, stopped.sidecar_bytes_before);
  EXPECT_FALSE(fs::exists(store::schema::compacted_xapian_dir(db.path())));
  EXPECT_TRUE(index::verify_index(db.path()).ok());

  const auto finished = index::compact_index(db.path());
  EXPECT_EQ(finished.stopped_by, 0);
  EXPECT_EQ(finished.records_moved, 25u);
  EXPECT_TRUE(index::verify_index(db.path()).ok());
  EXPECT_EQ(test::documents_in(db.path()), 50u);
}
