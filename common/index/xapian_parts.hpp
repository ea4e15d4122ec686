// Writing a new index's Xapian database from several threads at once.
//
// Xapian allows one writer per database, and on page-sized documents that
// writer is the limit of a run without restoration: a second thread barely
// helps. A run that starts on an index without documents therefore writes
// into as many Xapian databases as it has threads, the parts, in
// <db>/xapian.parts/ (store/schema.hpp), concurrently, and at its end
// merges the parts into the index's database with Xapian::Database::
// compact, which such a run did anyway to reclaim the B-trees' slack
// (index/pipeline.hpp). The n-th document written goes to part n mod the
// number of parts, as its document n div the number of parts (plus one),
// so the index is the same on every run with as many threads; the merge
// numbers the documents part after part. Nothing refers to document ids
// (a document's sidecar record is found through its data, and search
// breaks ties by path). A part's documents since its last commit are a
// Xapian transaction (Part), so a run that throws leaves only what was
// committed.
//
// Crash safety: a part commits only after the sidecar frames appended so
// far are on disk, so every committed part points at whole records. Parts
// exist only while the index's own database has no documents, and the
// merge swaps in a database that holds them all (io::replace_directory)
// before the parts are removed: parts beside a database with documents
// were merged already. recover_parts() finishes what a killed run left.
#pragma once
#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace vn::index {

class XapianParts {
 public:
  // `count` parts of the index `db` (created as needed). Each part commits
  // after `commit_every` documents or `commit_bytes` source bytes, so
  // divide the run's limits by `count` to keep its memory. `sync_frames`
  // makes every sidecar frame appended so far durable; it is called,
  // possibly from several threads at once, before a part commits.
  XapianParts(const std::filesystem::path& db, unsigned count, size_t commit_every, uint64_t commit_bytes,
              std::function<void()> sync_frames);
  XapianParts(const XapianParts&) = delete;
  XapianParts& operator=(const XapianParts&) = delete;

  // Adds `doc`, the `ordinal`-th document of the run (0-based), to its
  // part, committing the part when its limits are reached. Thread-safe:
  // adds to different parts run at once.
  void add(const Xapian::Document& doc, uint64_t source_bytes, uint64_t ordinal);
  // Syncs the frames and commits every part. Call when no add() runs.
  void commit();

 private:
  // A part's documents since its last commit are a Xapian transaction, so
  // that a run that throws does not commit them as the part closes (Xapian
  // commits pending changes then, but cancels a transaction).
  struct Part {
    std::mutex mutex;  // one add or commit at a time
    std::unique_ptr<Xapian::WritableDatabase> db;  // opened at its first document
    bool in_transaction = false;
    size_t uncommitted = 0;
    uint64_t uncommitted_bytes = 0;
  };
  void commit(Part& part);

  std::filesystem::path dir_;
  size_t commit_every_;
  uint64_t commit_bytes_;
  std::function<void()> sync_frames_;
  std::vector<Part> parts_;
};

// Merges the parts in `db` into its Xapian database (compacted, swapped in
// atomically) and removes them; does nothing when there are none. Returns
// whether there were any. REQUIRES: the writer lock held, no writer open
// on the database; the database has no documents. Throws Xapian::Error or
// std::system_error when the merge fails: the parts and the database stay
// as they were, and the next run merges them.
bool merge_parts(const std::filesystem::path& db);

// What a killed run left: parts beside a database without documents are
// merged into it; parts beside one with documents were merged already and
// are removed. Call after tidy_interrupted_compaction(), with the writer
// lock held and no writer open.
void recover_parts(const std::filesystem::path& db);

}  // namespace vn::index
