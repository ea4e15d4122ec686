// What the index remembers of the files that failed, so that a nightly run
// can tell a new failure from one it has met before.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "index/pipeline.hpp"
#include "io/walker.hpp"

namespace vn::index {

// One remembered failure: the reason, and the file's identity when it
// failed (size and mtime, as the walk saw them). A path that failed in the
// walk (an input that does not exist, a directory that cannot be listed, a
// file that cannot be looked at) has no identity.
struct RememberedFailure {
  std::string reason;
  bool has_identity = false;
  uint64_t size = 0;
  int64_t mtime = 0;
};

// The failures of the last runs over an index, kept in one JSON file,
// store::schema::failures_file(db), written whole after every run
// (io::write_file_atomically).
//
// Why a file beside the index and not Xapian user metadata: a path can be
// longer than a metadata key may be (245 bytes), and one value holding every
// failure would be rewritten into the index on every run. The memory never
// decides what the index holds; it only spares reading a file again, so it
// need not be committed with the index: a crash between the last commit and
// the file leaves the previous memory, whose entries for files fixed since
// no longer match their identity and are read again. The file is plain JSON
// an operator can read ("which files fail, and why").
//
// A remembered failure is *recalled* when the same path is met again with
// the same identity: the file is not read, and its failure is reported
// again with the remembered reason, as known (FileOutcome::known). A walk
// failure of the same path and reason is known too (the walk has looked
// again anyway). Nothing is recalled under --retry-failed or --force, or
// when --max-file-size differs from the run that remembered it. A failure
// that goes away without the file changing (its permissions fixed, a disk
// back) needs --retry-failed.
class FailureMemory {
 public:
  // The memory of the index at `db`: empty when there is none yet. A file
  // that cannot be parsed counts as none (every failure then reads as new).
  // `options` decide whether anything may be recalled (see above).
  static FailureMemory load(const IndexOptions& options);

  // The remembered failure of `entry` when it may be recalled: the same
  // path, the same size and mtime. Otherwise nullptr.
  const RememberedFailure* recall(const io::SourceEntry& entry) const;

  // Whether a failure of the walk (a path that could not be looked at)
  // was remembered with the same reason: then it is known.
  bool recalls_walk_failure(const io::FileError& failure) const;

  // The memory after a run that found `entries` (sorted by path, as the
  // walk gives them) and ended with `stats`:
  // every failure of this run, and the remembered failures of paths this
  // run did not look at (not reached when it stopped early, or outside its
  // inputs). A remembered path that this run indexed, skipped, or did not
  // find under its inputs any more is forgotten.
  FailureMemory after(const IndexOptions& options, const std::vector<io::SourceEntry>& entries,
                      const IndexStats& stats) const;

  // The memories of the indexes `dbs` together (for merging them: their
  // paths do not overlap). A memory kept under another --max-file-size
  // than the first one found is left out: its files are read again.
  static FailureMemory union_of(const std::vector<std::filesystem::path>& dbs);

  // Replaces the memory file of `db` with this memory (removes it when empty).
  // Throws std::system_error when it cannot be written.
  void save(const std::filesystem::path& db) const;

  size_t size() const { return failures_.size(); }

 private:
  std::unordered_map<std::string, RememberedFailure> failures_;  // by path
  uint64_t max_file_size_ = 0;  // of the run that remembered them
  bool recalls_ = false;        // whether this run may recall failures
};

}  // namespace vn::index
