// The indexing run: walk, read, prepare in parallel, write in order.
#pragma once
#include <array>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "index/archive_channel.hpp"
#include "index/progress.hpp"
#include "index/removal_limit.hpp"
#include "index/shard.hpp"
#include "index/stop_request.hpp"
#include "io/walker.hpp"
#include "store/dictionary.hpp"

namespace vn::index {

class OutcomeSink;

struct IndexOptions {
  std::filesystem::path db;          // index directory (created if absent)
  std::vector<std::string> inputs;   // files and directory trees
  unsigned threads = 0;              // 0: all cores
  uint64_t max_file_size = uint64_t{256} << 20;
  int zstd_level = 9;                // sidecar frames: 9 saves 9 % of the sidecar over 3 for about 0.3 s of CPU per 10 MB of records
  bool dictionary = true;            // train a zstd dictionary when it pays off
  size_t dictionary_capacity = 64 << 10;
  bool restore = true;               // restore the OCR'd text before indexing it
  std::filesystem::path models;      // restoration models (empty: restore::default_model_dir())
  size_t commit_every = 5000;        // documents between commits, or
  uint64_t commit_bytes = 4 << 20;   // source bytes between commits (bounds memory)
  bool prune = false;                // remove documents whose files are gone from the input trees
  RemovalLimit max_remove;           // --prune removes at most this many documents, or the run is refused
  bool force = false;                // index every file again, changed or not (after new models, or
                                     // switching --no-restore), reusing nothing
  bool retry_failed = false;         // read again the files that failed before and are unchanged (see
                                     // index/failure_memory.hpp); by default their failure is recalled
  const StopRequest* stop = nullptr; // polled between documents: when set, the run stops early (see run_index)
  bool compact = true;               // compact the Xapian database after a run that wrote much of it, and let a
                                     // first run write in parts (see run_index)
  bool adapt = true;                 // restore with an OCR channel adapted to the archive (see run_index)
  OutcomeSink* outcomes = nullptr;   // told every file's outcome as the run goes (see run_index)
  Shard shard;                       // index only the files of this shard of the archive (index/shard.hpp)
  bool remote_ready = false;         // build for remote serving (schema::kRemoteReadyKey); an index built so stays so
};

// What a run did with one file.
enum class Outcome {
  kAdded,      // indexed for the first time
  kReplaced,   // its content changed: indexed again
  kUnchanged,  // same content as indexed: nothing written
  kRepaired,   // same content as indexed, but its sidecar record could not be read back (detail: the
               // damage): indexed again from the file
  kCopied,     // content already indexed under another path: record reused, not restored again
  kRemoved,    // gone from the tree (--prune): removed from the index
  kFailed,     // could not be indexed (reason given); what was indexed before stays
  kSkipped,    // not a file to index (FIFO, device, symbolic link, ...; reason given)
};
inline constexpr size_t kOutcomeKinds = static_cast<size_t>(Outcome::kSkipped) + 1;
const char* outcome_name(Outcome o);

struct FileOutcome {
  std::string path;
  Outcome outcome;
  std::string detail;  // the reason (failed, skipped), the damage (repaired), or the path whose record was
                       // reused (copied)
  std::string damage = {};  // added, replaced or repaired: what of the file could not be read as text
                            // and was indexed around, by byte range (decode/damage.hpp), or empty
  bool known = false;  // failed: failed before in the same way, unchanged since (index/failure_memory.hpp); not
                       // read again
};

struct IndexStats {
  size_t files = 0;                  // files found
  size_t documents = 0;              // documents written (added, replaced or copied)
  uint64_t bytes = 0;                // source bytes read (decompressed)
  uint64_t sidecar_bytes = 0;        // compressed record bytes written
  double seconds = 0;
  std::vector<io::FileError> errors; // files not indexed, with reasons (known failures too)
  size_t known_failed = 0;           // of them, failures known from before (FileOutcome::known)
  std::array<size_t, kOutcomeKinds> outcome_counts{};  // files met, by Outcome
  size_t damaged = 0;                // files indexed with damage (FileOutcome::damage)
  // The outcomes a user must be shown, in the order they were met: every
  // file failed or skipped, or indexed with damage. All outcomes go to
  // IndexOptions::outcomes; keeping them here would cost memory per file.
  std::vector<FileOutcome> notable;

  size_t count(Outcome o) const { return outcome_counts[static_cast<size_t>(o)]; }
  store::DictionaryTrial dictionary; // the dictionary decision of this run
  bool dictionary_used = false;      // new records use a dictionary (trained now or before)
  int stopped_by = 0;                // the signal that stopped the run early (StopRequest), or 0
  size_t not_reached = 0;            // files found but not looked at because the run stopped early
  std::string dictionary_lost;       // the index's dictionary file was missing or damaged: which, and what
                                     // the run did instead (empty when it was whole)
  bool compacted = false;            // the Xapian database was compacted after the run
  uint64_t xapian_bytes_before_compaction = 0, xapian_bytes_after_compaction = 0;
  std::string compaction_error;      // why the compaction failed (the index is whole, only not compacted)
  std::string channel;               // id of the adapted OCR channel restored with; empty: the models' own
  ChannelAdaptationStats adaptation; // adapting the channel on this run, when it did
};

// Receives what became of every file a run meets, one call at a time, in
// the order met: the walk's failures and skips, then the files in walk
// order, then the removals (--prune).
class OutcomeSink {
 public:
  virtual ~OutcomeSink() = default;
  virtual void met(const FileOutcome& outcome) = 0;
};

// An OutcomeSink that keeps every outcome, for small runs and tests.
struct OutcomeList final : OutcomeSink {
  std::vector<FileOutcome> all;
  void met(const FileOutcome& outcome) override { all.push_back(outcome); }
};

// A run asking for an index built for remote serving over one that holds
// documents built otherwise, without --force.
class RemoteReadyMismatch : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An index directory inside an input tree, or one that holds an input.
class IndexInsideInputs : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// Indexes every input into `options.db`, incrementally: files whose
// content is indexed already are read and hashed but not written again;
// changed files are replaced; files whose content is indexed under another
// path reuse that record. Damage is repaired: a file whose content is
// indexed but whose sidecar record cannot be read back (its sidecar file
// cut short, damaged or gone, its dictionary missing or damaged) is indexed
// again from the file. A missing or damaged dictionary is replaced by a new
// one trained on this run's files, or by none. Per-file problems are
// collected in the stats (IndexStats::notable) and do not stop the run;
// every file's outcome goes to options.outcomes as it is decided, so a run
// keeps no memory per file beyond the walk's list. Crash-safe: sidecar
// frames are on disk before the index commit that points at them, so a run
// killed at any moment leaves the last commit's consistent index, and a
// rerun finishes the work.
// A stop request (options.stop) ends the run at its next safe point: no
// new file is read, the files in flight are written, everything is
// committed, and --prune is skipped; stats.stopped_by says so.
// Three guards are checked before anything is written: a run whose build
// mode (index/build_mode.hpp) differs from the index's throws
// BuildModeMismatch unless options.force, a run over an index that holds
// documents of another shard than options.shard throws ShardMismatch, and a
// --prune that would remove more than options.max_remove throws
// TooManyRemovals. options.remote_ready over an index with documents not
// built for remote serving throws RemoteReadyMismatch unless
// options.force (which rebuilds it so; the index is marked remote-ready
// once the whole run is done). An index built for remote serving stays so:
// later runs store every record they write in the index too
// (schema::kSlotRecord), and every sidecar dictionary in its metadata.
// With a shard, only the files of that shard are indexed (and reported);
// the others are not read.
// A whole run that wrote at least a tenth of the index's documents (a
// first run, a big batch) then compacts the Xapian database (like
// vnindex compact, without touching the sidecar), unless
// !options.compact: B-trees written by a run keep about a third of their
// postlist and termlist blocks empty, which compaction reclaims in a
// fraction of a second per 100 MB. A compaction that fails leaves the
// index as committed (stats.compaction_error says why). A run over an index
// without documents, with more than one thread and options.compact, writes
// its Xapian documents in parts, one database per thread, and merges them
// into the index in that compaction (index/xapian_parts.hpp); a merge that
// fails throws, and the next run merges them.
// Failures are remembered with the index (index/failure_memory.hpp): a file
// that failed before and is unchanged is not read again unless
// options.retry_failed, and is reported failed and known. The memory is
// written after the last commit; a run that throws leaves the previous one.
// Throws IndexInsideInputs, touching nothing, when the index directory is
// an input directory, lies inside one or holds an input.
// Throws IndexBusy (index/writer_lock.hpp) when another process writes
// the index, and Xapian::Error or std::system_error on failures that make
// the run impossible (the index cannot be opened, a write fails); what was
// committed before stays intact.
IndexStats run_index(const IndexOptions& options, ProgressSink* progress);

}  // namespace vn::index
