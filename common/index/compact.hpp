// Reclaiming space (vnindex compact).
#pragma once
#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "index/stop_request.hpp"

namespace vn::index {

struct CompactStats {
  size_t documents = 0;
  size_t records_moved = 0;          // live records copied out of files with dead bytes
  size_t sidecar_files_removed = 0;
  uint64_t sidecar_bytes_before = 0;
  uint64_t sidecar_bytes_after = 0;
  uint64_t xapian_bytes_before = 0;
  uint64_t xapian_bytes_after = 0;
  double seconds = 0;
  int stopped_by = 0;                // the signal that stopped the compaction early, or 0
};

// Reclaims the space that replaced and removed documents left (after
// merging the parts a killed first run left: index/xapian_parts.hpp): the live
// records of every sidecar file holding dead bytes are copied (still
// compressed) into new files, the index is pointed at them and committed,
// and the old files are deleted; then the Xapian database is compacted
// (Xapian::Database::compact) into a new directory that is swapped in
// atomically. Holds the writer lock (throws IndexBusy). A compaction killed
// at any moment leaves a consistent index; the next writer tidies up.
// A stop request (`stop`) ends it at the next safe point: records moved so
// far are committed, and a Xapian compaction under way is abandoned (its
// partial copy removed, the live database untouched); stats.stopped_by
// says so, and the next compaction does the rest.
// A Xapian::Compactor that abandons the compaction when `stop` is
// requested: Xapian reports progress per table, and the Stopped thrown
// then unwinds the compaction (the output is partial: remove it).
class StoppableCompactor : public Xapian::Compactor {
 public:
  struct Stopped {};
  explicit StoppableCompactor(const StopRequest* stop) : stop_(stop) {}
  void set_status(const std::string&, const std::string&) override {
    if (stop_requested(stop_)) throw Stopped{};
  }

 private:
  const StopRequest* stop_;
};

CompactStats compact_index(const std::filesystem::path& db, const StopRequest* stop = nullptr);

// Compacts the Xapian database of index `db` alone (Xapian::Database::
// compact into a new directory swapped in atomically), leaving the
// sidecar as it is: no writer may have it open. With `merged`, the
// databases at those paths are compacted into it too, their documents
// renumbered after its own (index/xapian_parts.hpp). REQUIRES: the writer
// lock held. Returns false when `stop` asked to stop (the live database
// untouched). Throws Xapian::Error or std::system_error on failure.
bool compact_xapian(const std::filesystem::path& db, const StopRequest* stop = nullptr,
                    const std::vector<std::filesystem::path>& merged = {});

// The bytes of the Xapian database of index `db` (0 when it has none).
uint64_t xapian_bytes(const std::filesystem::path& db);
// The bytes of the files under `dir` (0 when it does not exist).
uint64_t bytes_under(const std::filesystem::path& dir);

// Removes what an interrupted compaction left (call with the writer lock held).
void tidy_interrupted_compaction(const std::filesystem::path& db);

}  // namespace vn::index
