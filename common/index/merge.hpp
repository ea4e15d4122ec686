// Merging indexes (vnindex merge): the shards of one archive, indexed in
// parallel (vnindex index --shard K/N, index/shard.hpp), or any indexes
// whose sidecar file names and paths do not collide, into one index that
// answers searches as an index of the whole archive built at once would.
#pragma once
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "index/stop_request.hpp"

namespace vn::index {

struct MergeStats {
  size_t shards = 0;
  size_t documents = 0;
  size_t files_linked = 0;   // sidecar, dictionary and channel files hard-linked from the shards
  size_t files_copied = 0;   // ... and copied (the output on another file system)
  uint64_t sidecar_bytes = 0;
  uint64_t xapian_bytes = 0;
  size_t failures_remembered = 0;  // the union of the shards' failure memories
  // Set when some of the indexes merged hold a shard and they are not the
  // whole set 1/N .. N/N: which shards they were (the merged index is
  // still taken as the whole archive; see merge.cpp).
  std::string partial_shards;
  double seconds = 0;
  int stopped_by = 0;  // the signal that stopped the merge (nothing written at `out`), or 0
};

// Merging refused before anything was written: the message names the
// shard (or OUT) and the reason.
class MergeRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Merges the indexes `shards` into a new index at `out`.
//
// Refused (MergeRefused, nothing written) unless: `out` does not exist or
// is an empty directory; there is a shard, each is an index (has xapian/),
// none is given twice, and `out` is none of them; all were built alike
// (BuildMode's restore flag and models; the adapted OCR channel may
// differ); no two hold a sidecar file of one name, or dictionaries of one
// id with other bytes; no document path is in two of them.
//
// Holds each shard's writer lock throughout (throws IndexBusy), so no run
// changes a shard while it is read. The merged Xapian database is the
// shards' concatenated (Xapian::Database::compact; documents renumbered,
// their data still naming their records); sidecar files, dictionaries and
// channel files are hard-linked (they never change once written) or
// copied; the failure memory is the shards' union. Metadata: the first
// shard's build mode, channel and dictionary; no shard key (see merge.cpp).
// The index is built in "<out>.merging" and renamed to `out` only when
// whole and synced: a crash, an error or a stop (`stop`, then
// stats.stopped_by) leaves nothing at `out` (a crash leaves
// "<out>.merging", which the next merge into `out` clears).
MergeStats merge_indexes(const std::filesystem::path& out, const std::vector<std::filesystem::path>& shards,
                         const StopRequest* stop = nullptr);

}  // namespace vn::index
