// Sharding an archive: `vnindex index --shard K/N` indexes only the files
// whose path hashes to shard K of N, so that N processes or machines index
// one tree into N indexes that share nothing, and search them as one
// (query/searcher.hpp) or merge them (index/merge.hpp).
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

#include "store/sidecar.hpp"

namespace vn::index {

struct Shard {
  unsigned number = 1;  // K, 1..count
  unsigned count = 1;   // N; 1: the whole archive

  // "K/N", 1 <= K <= N <= 1024. Throws std::invalid_argument.
  static Shard parse(std::string_view text);
  // The shard an index holds, from its stored form (schema::kShardKey);
  // the whole archive for "" (an index made without --shard).
  static Shard decode(std::string_view stored);
  std::string encode() const;  // "K/N"; "" for the whole archive

  bool whole() const { return count == 1; }
  // Whether the file at `path` (absolute, as the walk names it: the id of
  // its document) belongs to this shard: XXH3 of the path, modulo count.
  // The same path lands in the same shard on every machine and every run.
  bool holds(std::string_view path) const;
  // Sidecar file numbers of this shard: disjoint from its siblings'.
  store::SidecarNaming sidecar_naming() const { return {number - 1, count}; }
  bool operator==(const Shard&) const = default;
};

// A run with --shard K/N over an index that holds another shard.
class ShardMismatch : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace vn::index
