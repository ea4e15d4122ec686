// kill -9, and the stop signals (SIGTERM, SIGINT, SIGHUP), at random moments
// of indexing and compaction, then verify and rerun: the index stays
// consistent and the rerun finishes the work.
// VNARCHIVE_KILL_TRIALS sets the number of kills and of stops (default 10;
// scripts/kill-test runs 100).
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdlib>
#include <random>
#include <thread>

#include "process_util.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;
using vn::test::quote;
using vn::test::run;

namespace {

// The samples as an archive of `copies` x 24 distinct documents; `version`
// changes a third of them, so that every rerun has work to do.
void write_archive(const fs::path& dir, int copies, int version) {
  std::vector<std::pair<std::string, std::string>> samples;
  for (const char* kind : {"clean", "ocr"})
    for (const auto& e : fs::directory_iterator(fs::path(SAMPLES_DIR) / kind))
      if (e.path().extension() == ".txt") samples.emplace_back(std::string(kind) + "-" + e.path().filename().string(), vn::test::read_file(e.path()));
  for (int c = 0; c < copies; ++c)
    for (size_t i = 0; i < samples.size(); ++i) {
      const int v = (c + static_cast<int>(i)) % 3 == version % 3 ? version : 0;
      vn::test::write_file(dir / std::to_string(c) / samples[i].first,
                           samples[i].second + "\nBản số " + std::to_string(c) + " phiên bản " + std::to_string(v) + "\n");
    }
}

std::vector<std::string> index_args(const fs::path& db, const fs::path& src) {
  return {VNINDEX_PATH, "index", "-q", "--prune", "--commit-every", "20", "--db", db.string(), src.string()};
}

int trials() {
  const char* env = std::getenv("VNARCHIVE_KILL_TRIALS");
  return env ? std::max(1, std::atoi(env)) : 10;
}

double seconds_of(const std::vector<std::string>& argv) {
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_EQ(vn::test::wait_for(vn::test::spawn(argv)), 0);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

TEST(CrashSafety, KillNineAtRandomMomentsThenVerifyAndRerun) {
  vn::test::TempDir dir;
  const fs::path src = dir / "archive", db = dir / "db";
  write_archive(src, 12, 0);
  // How long a whole run takes here, to spread the kills over it.
  const double full = seconds_of(index_args(dir / "timing-db", src));
  const unsigned seed = std::random_device{}();
  std::mt19937 rng(seed);
  std::printf("kill trials: %d, seed %u, full run %.2f s\n", trials(), seed, full);
  // Kill until `trials()` processes died of the kill (a run may finish first).
  int killed = 0, attempt = 0;
  for (; killed < trials() && attempt < 4 * trials(); ++attempt) {
    write_archive(src, 12, attempt + 1);
    const bool compaction = attempt % 4 == 3;
    const std::vector<std::string> argv =
        compaction ? std::vector<std::string>{VNINDEX_PATH, "compact", "--db", db.string()} : index_args(db, src);
    const pid_t pid = vn::test::spawn(argv);
    const double at = std::uniform_real_distribution<double>(0, (compaction ? 0.3 : 0.6) * full)(rng);
    std::this_thread::sleep_for(std::chrono::duration<double>(at));
    ::kill(pid, SIGKILL);
    killed += vn::test::wait_for(pid) == -1;
    if (!fs::exists(db / "xapian")) continue;  // killed before the index existed
    const auto v = run(std::string(VNINDEX_PATH) + " verify --db " + quote(db.string()));
    ASSERT_EQ(v.status, 0) << "attempt " << attempt << " (seed " << seed << ", " << (compaction ? "compact" : "index")
                           << " killed after " << at << " s): " << v.out;
  }
  std::printf("killed while running: %d (of %d attempts), verified after each\n", killed, attempt);
  EXPECT_EQ(killed, trials());

  // The rerun completes: every file once, the newest version of each.
  ASSERT_EQ(vn::test::wait_for(vn::test::spawn(index_args(db, src))), 0);
  const auto v = run(std::string(VNINDEX_PATH) + " verify --db " + quote(db.string()));
  ASSERT_EQ(v.status, 0) << v.out;
  EXPECT_NE(v.out.find(": 288 documents, 288 sidecar records checked, 0 problems"), std::string::npos) << v.out;
  const auto hits = run(std::string(VNSEARCH_PATH) + " --json --exact --limit 500 --no-restore --db " + quote(db.string()) +
                        " -- " + quote("\"phiên bản " + std::to_string(attempt) + "\""));
  size_t newest = 0;
  for (size_t at = hits.out.find("\"path\""); at != std::string::npos; at = hits.out.find("\"path\"", at + 1)) ++newest;
  EXPECT_EQ(newest, 96u) << hits.out.substr(0, 500);  // a third of the 288 files carry the last version
}

TEST(CrashSafety, StopSignalsAtRandomMomentsEndTheRunCleanlyThenVerifyAndRerun) {
  vn::test::TempDir dir;
  const fs::path src = dir / "archive", db = dir / "db", report = dir / "run.json";
  write_archive(src, 12, 0);
  const double full = seconds_of(index_args(dir / "timing-db", src));
  const unsigned seed = std::random_device{}();
  std::mt19937 rng(seed);
  int stopped = 0, attempt = 0;
  for (; stopped < trials() && attempt < 4 * trials(); ++attempt) {
    write_archive(src, 12, attempt + 1);
    const int signal_number = std::array{SIGTERM, SIGINT, SIGHUP}[attempt % 3];
    const bool compaction = attempt % 4 == 3;
    std::vector<std::string> argv = index_args(db, src);
    argv.insert(argv.begin() + 2, {"--report", report.string()});
    if (compaction) argv = {VNINDEX_PATH, "compact", "--db", db.string()};
    const pid_t pid = vn::test::spawn(argv);
    // After start-up (the handlers are set once the arguments are parsed).
    const double at = std::uniform_real_distribution<double>(0.05, std::max(0.1, (compaction ? 0.3 : 0.6) * full))(rng);
    std::this_thread::sleep_for(std::chrono::duration<double>(at));
    ::kill(pid, signal_number);
    const int status = vn::test::wait_for(pid);
    const std::string what = std::string(compaction ? "compact" : "index") + " sent signal " +
                             std::to_string(signal_number) + " after " + std::to_string(at) + " s, seed " +
                             std::to_string(seed);
    ASSERT_TRUE(status == 0 || status == 128 + signal_number) << what << ": exit status " << status;
    if (status != 0) {
      ++stopped;
      if (!compaction) {
        EXPECT_NE(vn::test::read_file(report).find("\"stopped_by_signal\": " + std::to_string(signal_number)),
                  std::string::npos) << what;
      }
    }
    if (!fs::exists(db / "xapian")) continue;
    const auto v = run(std::string(VNINDEX_PATH) + " verify --db " + quote(db.string()));
    ASSERT_EQ(v.status, 0) << what << ": " << v.out;
  }
  std::printf("stopped by a signal: %d (of %d attempts), verified after each\n", stopped, attempt);
  EXPECT_EQ(stopped, trials());

  // The lock was released and the rerun completes.
  ASSERT_EQ(vn::test::wait_for(vn::test::spawn(index_args(db, src))), 0);
  const auto v = run(std::string(VNINDEX_PATH) + " verify --db " + quote(db.string()));
  EXPECT_NE(v.out.find(": 288 documents, 288 sidecar records checked, 0 problems"), std::string::npos) << v.out;
}
