// Running the indexing pipeline over a test tree.
#pragma once
#include <filesystem>

#include "index/pipeline.hpp"

namespace vn::test {

struct TreeRun {
  unsigned threads = 2;
  bool prune = false;
  bool force = false;
  bool restore = true;
};

// Indexes `src` into `db` as `vnindex index` would (no progress output).
inline index::IndexStats index_tree(const std::filesystem::path& db, const std::filesystem::path& src,
                                    TreeRun run = {}) {
  index::IndexOptions o;
  o.db = db;
  o.inputs = {src.string()};
  o.threads = run.threads;
  o.prune = run.prune;
  o.force = run.force;
  o.restore = run.restore;
  return index::run_index(o, nullptr);
}

}  // namespace vn::test
