// The indexing run: walk, read, prepare in parallel, write in order.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "io/walker.hpp"
#include "store/dictionary.hpp"

namespace vn::index {

struct IndexOptions {
  std::filesystem::path db;          // index directory (created if absent)
  std::vector<std::string> inputs;   // files and directory trees
  unsigned threads = 0;              // 0: all cores
  uint64_t max_file_size = uint64_t{256} << 20;
  int zstd_level = 3;
  bool dictionary = true;            // train a zstd dictionary when it pays off
  size_t dictionary_capacity = 64 << 10;
  bool restore = true;               // restore the OCR'd text before indexing it
  std::filesystem::path models;      // restoration models (empty: restore::default_model_dir())
  size_t commit_every = 5000;        // documents between commits, or
  uint64_t commit_bytes = 32 << 20;  // source bytes between commits (bounds memory)
};

struct IndexStats {
  size_t files = 0;                  // files found
  size_t documents = 0;              // documents written
  uint64_t bytes = 0;                // source bytes read (decompressed)
  uint64_t sidecar_bytes = 0;        // compressed record bytes written
  double seconds = 0;
  std::vector<io::FileError> errors; // files not indexed, with reasons
  store::DictionaryTrial dictionary; // the dictionary decision of this run
  bool dictionary_used = false;
};

// Receives progress from the serial writer stage (never concurrently).
class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  virtual void start(size_t total_files, uint64_t total_bytes) = 0;
  virtual void advance(size_t done_files, uint64_t done_bytes) = 0;
  virtual void finish() = 0;
};

// Indexes every input into `options.db`. Per-file problems are collected
// in the stats and do not stop the run. Throws (Xapian::Error,
// std::system_error) on failures that make the run impossible: the index
// cannot be opened or locked (another writer), or a write fails; what was
// committed before stays intact.
IndexStats run_index(const IndexOptions& options, ProgressSink* progress);

}  // namespace vn::index
