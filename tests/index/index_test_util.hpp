// Running the indexing pipeline over a test tree.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

#include "index/pipeline.hpp"
#include "store/schema.hpp"
#include "test_util.hpp"

namespace vn::test {

struct TreeRun {
  unsigned threads = 2;
  bool prune = false;
  bool force = false;
  bool retry_failed = false;
  bool restore = true;
  bool dictionary = true;
  size_t commit_every = index::IndexOptions{}.commit_every;
  const index::StopRequest* stop = nullptr;
  index::ProgressSink* progress = nullptr;
  bool compact = true;
  index::Shard shard{};
};

// A run's stats and every file's outcome, in the order met.
struct TreeStats : index::IndexStats {
  std::vector<index::FileOutcome> outcomes;
};

// Indexes `src` into `db` as `vnindex index` would.
inline TreeStats index_tree(const std::filesystem::path& db, const std::filesystem::path& src, TreeRun run = {}) {
  index::IndexOptions o;
  o.db = db;
  o.inputs = {src.string()};
  o.threads = run.threads;
  o.prune = run.prune;
  o.force = run.force;
  o.retry_failed = run.retry_failed;
  o.restore = run.restore;
  o.dictionary = run.dictionary;
  o.commit_every = run.commit_every;
  o.stop = run.stop;
  o.shard = run.shard;
  o.compact = run.compact;
  index::OutcomeList list;
  o.outcomes = &list;
  TreeStats stats{index::run_index(o, run.progress), {}};
  stats.outcomes = std::move(list.all);
  return stats;
}

// How many documents the index at `db` holds (last commit).
inline Xapian::doccount documents_in(const std::filesystem::path& db) {
  return Xapian::Database(store::schema::xapian_dir(db).string()).get_doccount();
}

// `n` small documents d0.txt .. d<n-1>.txt in `src`, whose text names
// `version`: writing them again with another version changes every one.
inline void write_docs(const std::filesystem::path& src, int n, const std::string& version) {
  for (int i = 0; i < n; ++i)
    write_file(src / ("d" + std::to_string(i) + ".txt"),
               "Báo cáo số " + std::to_string(i) + " phiên bản " + version + " về công tác chuyển đổi số");
}

}  // namespace vn::test
