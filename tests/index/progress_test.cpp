// The figures and the line of a run in progress (index/progress.hpp).
#include "index/progress.hpp"

#include <gtest/gtest.h>

using namespace vn::index;
using Clock = RunProgress::Clock;
using std::chrono::seconds;

namespace {

// A run that started at t0 and began indexing 2 s later.
struct TimedRun {
  Clock::time_point t0 = Clock::time_point{} + seconds(1000);
  RunProgress progress{t0};
  explicit TimedRun(const ProgressPlan& plan) { progress.start(plan, t0 + seconds(2)); }
};

}  // namespace

TEST(RunProgress, TimeLeftFollowsThePaceOfNewFiles) {
  TimedRun run({.files = 4, .bytes = 4000, .indexed_bytes = 0});
  EXPECT_LT(run.progress.seconds_left(run.t0 + seconds(3)), 0);  // no pace yet
  run.progress.advance({.bytes = 1000});
  EXPECT_NEAR(run.progress.seconds_left(run.t0 + seconds(12)), 30.0, 1e-9);  // 1000 bytes in 10 s, 3000 left
}

TEST(RunProgress, FilesIndexedBeforeAreCountedAsTheUnchangedFilesTheyMostlyAre) {
  // A nightly run: 1 MB new, 99 MB indexed before.
  TimedRun run({.files = 100, .bytes = 100'000'000, .indexed_bytes = 99'000'000});
  run.progress.advance({.bytes = 1'000'000, .was_indexed = true, .unchanged = true});
  run.progress.advance({.bytes = 1'000'000});
  // 1 MB new + 1 MB unchanged (1/25 of the cost) took 10.4 s: 10 s per new MB.
  const double left = run.progress.seconds_left(run.t0 + seconds(2) + std::chrono::milliseconds(10400));
  EXPECT_NEAR(left, 98 * RunProgress::kUnchangedCost * 10, 1e-6);  // 98 indexed MB left, nothing new
  // Without the distinction the 98 MB would take 98 * 5.2 s.
  EXPECT_LT(left, 98 * 5.2 / 10);
}

TEST(RunProgress, TheLineFitsTheTerminalAndDropsTheLeastUsefulPartsFirst) {
  TimedRun run({.files = 2431, .bytes = 10'000'000, .indexed_bytes = 0, .restoring = true});
  for (int i = 0; i < 1200; ++i) run.progress.advance({.bytes = 4000});
  const auto now = run.t0 + seconds(62);
  const std::string wide = run.progress.line(now, 200);
  EXPECT_EQ(wide.rfind("restoring  [", 0), 0u) << wide;
  for (const char* part : {"1200/2431 files", "4.8/10.0 MB", "0.1 MB/s", "1:02", "ETA 1:05"})
    EXPECT_NE(wide.find(part), std::string::npos) << part << " in " << wide;
  for (int columns : {200, 100, 80, 50, 40, 20, 5}) {
    const std::string line = run.progress.line(now, columns);
    EXPECT_LE(line.size(), static_cast<size_t>(columns - 1)) << line;
  }
  const std::string narrow = run.progress.line(now, 50);
  EXPECT_NE(narrow.find("1200/2431 files"), std::string::npos) << narrow;
  EXPECT_NE(narrow.find("ETA"), std::string::npos) << narrow;
  EXPECT_EQ(narrow.find("MB"), std::string::npos) << narrow;
}

TEST(RunProgress, OtherPhasesShowTheirNameAndTheTimeSinceTheRunStarted) {
  RunProgress progress(Clock::time_point{});
  progress.phase(Phase::kLoadingModels);
  EXPECT_EQ(progress.line(Clock::time_point{} + seconds(75), 80), "loading models  1:15");
  progress.start({.restoring = false}, Clock::time_point{} + seconds(80));
  EXPECT_EQ(progress.line(Clock::time_point{} + seconds(80), 80).rfind("indexing", 0), 0u);
  progress.phase(Phase::kCommitting);
  EXPECT_EQ(progress.line(Clock::time_point{} + seconds(3725), 80), "committing  1:02:05");
}
