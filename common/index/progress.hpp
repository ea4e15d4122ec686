// Progress of an indexing run: the phases it goes through, the events a
// ProgressSink receives, and RunProgress, which turns them into the figures
// a progress line shows (done, rate, elapsed time, time left) and the line
// itself, fitted to a terminal's width.
#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace vn::index {

// The phases of a run, in the order a run meets them; a run skips those
// it has no work for (adapting, pruning, compacting).
enum class Phase { kWalking, kLoadingModels, kAdapting, kIndexing, kPruning, kCommitting, kCompacting };

// "walking", "loading models", "adapting the OCR channel", "restoring" (or
// "indexing" when not restoring), "pruning", "committing", "compacting".
const char* phase_name(Phase phase, bool restoring);

// What the indexing phase has ahead of it, known once the tree is walked.
struct ProgressPlan {
  size_t files = 0;
  uint64_t bytes = 0;
  // Of `bytes`, those of files whose path the index holds already: on a
  // nightly run most of them are unchanged, read and hashed but not
  // restored or written, so they cost far less than new files.
  uint64_t indexed_bytes = 0;
  bool restoring = true;
};

// One file through the indexing phase.
struct FileProgress {
  uint64_t bytes = 0;
  bool was_indexed = false;  // its path was in the index (counted in ProgressPlan::indexed_bytes)
  bool unchanged = false;    // found unchanged: not written again
};

// Receives a run's progress: phases from the run's thread, files from the
// serial writer stage (never concurrently). finish() ends it, also after a
// stop request.
class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  virtual void phase(Phase) {}
  virtual void start(const ProgressPlan& plan) = 0;
  virtual void advance(const FileProgress& file) = 0;
  virtual void finish() = 0;
};

// The figures of a run in progress, from the sink's events, with times
// passed in (so that they can be tested).
class RunProgress {
 public:
  using Clock = std::chrono::steady_clock;

  // An unchanged file costs about this share of a new file of its size:
  // reading and hashing it against restoring, indexing and storing it.
  // Measured on 7 MB of generated pages (1,170 files, 2 cores): a first
  // run 26.7 s restoring (7.5 s with --no-restore), a rerun over the
  // unchanged tree 0.6 s (0.28 s): 1/44 and 1/27.
  static constexpr double kUnchangedCost = 1.0 / 25;

  explicit RunProgress(Clock::time_point run_start) : run_start_(run_start) {}

  void phase(Phase phase) { phase_ = phase; }
  void start(const ProgressPlan& plan, Clock::time_point now);
  void advance(const FileProgress& file);

  Phase current_phase() const { return phase_; }
  size_t done_files() const { return done_files_; }
  uint64_t done_bytes() const { return done_bytes_; }
  // Seconds since the run started.
  double elapsed(Clock::time_point now) const;
  // Source MB per second in the indexing phase so far.
  double megabytes_per_second(Clock::time_point now) const;
  // Seconds the indexing phase still needs, from its pace so far, counting
  // the files left whose path is indexed as unchanged (kUnchangedCost);
  // negative while there is no pace to go by.
  double seconds_left(Clock::time_point now) const;

  // The progress line for a terminal `columns` wide: phase, elapsed time,
  // and in the indexing phase a bar, files, MB, MB/s and time left. Parts
  // that do not fit are left out, least useful first; the line is never
  // longer than columns - 1 (a full line would wrap on some terminals).
  std::string line(Clock::time_point now, int columns) const;

 private:
  double indexing_seconds(Clock::time_point now) const;
  double cost_done() const;

  Clock::time_point run_start_, indexing_start_;
  Phase phase_ = Phase::kWalking;
  ProgressPlan plan_;
  bool started_ = false;
  size_t done_files_ = 0;
  uint64_t done_bytes_ = 0;
  uint64_t done_new_bytes_ = 0;        // of files found new or changed
  uint64_t done_unchanged_bytes_ = 0;  // of files found unchanged
  uint64_t done_indexed_bytes_ = 0;    // of files whose path was indexed (ProgressPlan::indexed_bytes)
};

}  // namespace vn::index
