// What a search reads: one or more vnarchive indexes (the shards of an
// archive, index/shard.hpp), on this machine or behind xapian-tcpsrv,
// searched as one Xapian database, with the sidecar records of each.
//
// Xapian combines the shards' statistics, so a search over shards ranks as
// one over the merged index would. A document of shard i (0-based) of n
// with docid d in that shard has docid (d - 1) * n + i + 1 in the whole.
// A local shard's records are read from its sidecar files; a remote shard
// gives only what Xapian's remote protocol carries, so its records come
// from its documents' record values and its dictionaries from its metadata,
// which an index has when built with --remote-ready (schema::kSlotRecord).
#pragma once
#include <xapian.h>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/document_data.hpp"
#include "store/sidecar.hpp"

namespace vn::query {

// Opening failures: no index at the path, or an unreadable/corrupt one.
class IndexError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One shard as a --db argument or a stub file line names it.
struct ShardAddress {
  std::filesystem::path dir;  // a local index directory; empty for a remote one
  std::string host;           // xapian-tcpsrv serving the index's xapian/ directory
  unsigned port = 0;

  bool remote() const { return !host.empty(); }
  std::string describe() const;  // the directory, or "remote HOST:PORT"
};

// The shards named by --db arguments, in order: each an index directory,
// or a stub file in Xapian's format (a line per shard: "auto PATH" or
// "glass PATH", PATH an index directory or its xapian/ subdirectory,
// relative to the stub's directory; "remote HOST:PORT"; blank lines and
// "#" comments), so that Xapian's own tools open the same file when it
// names the xapian/ subdirectories. Throws IndexError for a stub line it cannot read, naming the file and line.
std::vector<ShardAddress> shard_addresses(const std::vector<std::filesystem::path>& db_args);

class ShardSet {
 public:
  // Opens every shard. Throws IndexError naming the shard and the reason.
  explicit ShardSet(std::vector<ShardAddress> shards);

  const Xapian::Database& database() const { return all_; }
  bool any_remote() const;
  // "INDEX" for one shard, else "the N shards INDEX, remote HOST:PORT, ...".
  std::string describe() const;
  // Opens every shard afresh, on its newest revision.
  void reopen();

  // The reader of the record that `data` (of document `docid` of
  // database(), whose document is `doc`) locates. A remote shard's record
  // is taken from `doc` now; reading it throws std::runtime_error when the
  // shard was not built --remote-ready.
  std::shared_ptr<const store::SidecarReader> records(Xapian::docid docid, const Xapian::Document& doc,
                                                      const store::DocumentData& data) const;

 private:
  struct Shard;
  void open();

  std::vector<ShardAddress> addresses_;
  std::vector<std::shared_ptr<Shard>> shards_;
  Xapian::Database all_;
};

}  // namespace vn::query
