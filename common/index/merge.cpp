#include "index/merge.hpp"

#include <xapian.h>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "index/build_mode.hpp"
#include "index/compact.hpp"
#include "index/failure_memory.hpp"
#include "index/shard.hpp"
#include "index/writer_lock.hpp"
#include "index/xapian_parts.hpp"
#include "io/link_or_copy.hpp"
#include "io/walker.hpp"
#include "io/whole_file.hpp"
#include "store/document_data.hpp"
#include "store/schema.hpp"
#include "store/sidecar.hpp"

namespace vn::index {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void refuse(const std::string& why) { throw MergeRefused(why); }


// `p` absolute, its links resolved as far as it exists (a link to an empty
// directory names the directory), without a trailing separator.
fs::path normal_path(const fs::path& p) {
  const fs::path n = fs::weakly_canonical(fs::absolute(p));
  return n.has_filename() ? n : n.parent_path();
}

bool is_dictionary_file_name(const std::string& name) {
  return name.starts_with("dict-") && name.ends_with(".zdict");
}

bool is_channel_file_name(const std::string& name) { return name.starts_with("channel-") && name.ends_with(".tsv"); }

// One index being merged, locked against writers for the whole merge.
struct Source {
  std::string name;  // as the user gave it, for messages
  fs::path dir;      // resolved
  std::unique_ptr<WriterLock> lock;
  Xapian::Database db;
};

void check_out(const fs::path& out) {
  std::error_code ec;
  if (!fs::exists(out, ec)) return;
  if (!fs::is_directory(out, ec)) refuse("the output " + out.string() + " exists and is not a directory");
  if (!fs::is_empty(out, ec))
    refuse("the output " + out.string() + " is not empty: merge into a new (or empty) directory");
}

// The shards, in the order given, each an index, none twice, `out` inside
// none; locked, and tidied of an interrupted compaction (as a writer would).
std::vector<Source> open_shards(const fs::path& out, const std::vector<fs::path>& shards) {
  if (shards.empty()) refuse("no indexes to merge: name them after --db OUT");
  std::vector<Source> sources;
  std::set<fs::path> seen;
  for (const fs::path& given : shards) {
    const std::string name = given.string();
    if (!fs::is_directory(store::schema::xapian_dir(given)))
      refuse(name + " is not a vnarchive index (it has no xapian/ directory)");
    const fs::path dir = fs::canonical(given);
    if (!seen.insert(dir).second) refuse(name + " is given twice (as " + dir.string() + ")");
    if (io::lies_under(out.string(), dir.string()))
      refuse("the output " + out.string() + " lies inside the index " + name + ": merge beside it");
    Source s{name, dir, std::make_unique<WriterLock>(dir), {}};
    tidy_interrupted_compaction(dir);
    recover_parts(dir);
    s.db = Xapian::Database(store::schema::xapian_dir(dir).string());
    sources.push_back(std::move(s));
  }
  return sources;
}

BuildMode mode_of(const Source& s) {
  const std::string stored = s.db.get_metadata(std::string(store::schema::kBuildModeKey));
  if (stored.empty()) refuse(s.name + " records no build mode (nothing was ever indexed into it)");
  return BuildMode::decode(stored);
}

// Every shard restored with the same models, or none restored: a search
// must treat all documents alike. The adapted channel may differ.
void check_modes(const std::vector<Source>& sources) {
  const BuildMode first = mode_of(sources.front());
  for (const Source& s : sources) {
    const BuildMode mode = mode_of(s);
    if (mode.restore != first.restore || mode.models != first.models)
      refuse("the indexes were built differently: " + sources.front().name + " " + first.describe() + ", " + s.name +
             " " + mode.describe() + "; index them alike (vnindex index --force) before merging");
  }
}

// A file of a shard to bring into the merged index, and its place there.
struct Brought {
  fs::path from;
  fs::path to;  // relative to the merged index
  bool sidecar_data = false;
};

// The sidecar files and dictionaries of every shard. Refuses two data files
// of one name (their records would be confused) and two dictionaries of one
// id with other bytes; a dictionary in several shards is brought once.
void plan_sidecar(const std::vector<Source>& sources, std::vector<Brought>& files) {
  std::map<std::string, const Source*> holder;
  for (const Source& s : sources) {
    const fs::path dir = store::schema::sidecar_dir(s.dir);
    if (!fs::is_directory(dir)) continue;  // an index that never wrote a record
    for (const auto& e : fs::directory_iterator(dir)) {
      const std::string file = e.path().filename().string();
      const bool data = store::is_sidecar_file_name(file);
      if (!data && !is_dictionary_file_name(file)) continue;  // a temporary file, not part of the index
      const auto [at, fresh] = holder.emplace(file, &s);
      if (fresh) {
        files.push_back({e.path(), fs::path("sidecar") / file, data});
        continue;
      }
      const Source& other = *at->second;
      if (data)
        refuse(other.name + " and " + s.name + " both hold the sidecar file " + file +
               ", so their records cannot live in one index. The shards of one `vnindex index --shard K/N` set "
               "never collide; indexes made otherwise cannot be merged (index the tree again as shards)");
      if (io::read_whole_file(e.path()) != io::read_whole_file(store::schema::sidecar_dir(other.dir) / file))
        refuse(other.name + " and " + s.name + " hold different dictionaries of one id (sidecar/" + file +
               "); they cannot be merged");
    }
  }
}

// The adapted channel files of every shard (each named by its content
// hash, so one name is one content).
void plan_channels(const std::vector<Source>& sources, std::vector<Brought>& files) {
  std::set<std::string> names;
  for (const Source& s : sources)
    for (const auto& e : fs::directory_iterator(s.dir)) {
      const std::string file = e.path().filename().string();
      if (is_channel_file_name(file) && e.is_regular_file() && names.insert(file).second)
        files.push_back({e.path(), file, false});
    }
}

// The path of the document whose id term is `term` in `db`.
std::string path_of(const Xapian::Database& db, const std::string& term) {
  if (!term.starts_with(std::string(store::schema::kIdPrefix) + "#"))
    return term.substr(store::schema::kIdPrefix.size());
  return store::decode_document_data(db.get_document(*db.postlist_begin(term)).get_data()).path;
}

// No document path in two shards: the shards' id terms (sorted, each
// path's once) walked side by side, as in a merge sort; linear in the
// documents, memory of one term per shard.
void check_paths_disjoint(const std::vector<Source>& sources) {
  const std::string prefix(store::schema::kIdPrefix);
  std::vector<Xapian::TermIterator> at, end;
  std::vector<std::string> term(sources.size());
  for (size_t i = 0; i < sources.size(); ++i) {
    at.push_back(sources[i].db.allterms_begin(prefix));
    end.push_back(sources[i].db.allterms_end(prefix));
    if (at[i] != end[i]) term[i] = *at[i];
  }
  for (;;) {
    std::optional<size_t> least;
    for (size_t i = 0; i < sources.size(); ++i)
      if (at[i] != end[i] && (!least || term[i] < term[*least])) least = i;
    if (!least) return;
    const std::string smallest = term[*least];
    for (size_t i = 0; i < sources.size(); ++i) {
      if (at[i] == end[i] || term[i] != smallest) continue;
      if (i != *least)
        refuse(sources[*least].name + " and " + sources[i].name + " both hold " +
               path_of(sources[i].db, smallest) +
               ": the indexes overlap (shards of one `vnindex index --shard K/N` set never do)");
      if (++at[i] != end[i]) term[i] = *at[i];
    }
  }
}

// The merged index's metadata where the shards' may differ: the first
// shard's build mode (with its adapted channel, if any), channel and
// dictionary for new records (every shard's dictionaries are brought, so
// each record still reads). No shard key: the merged index is taken as the
// whole archive, so that `vnindex index` over the whole tree, without
// --shard, keeps it up to date (after merging all N shards of a set it
// finds every file unchanged). A merge of some of the shards holds no
// "K/N" either (one could not name it); such a run then adds the rest.
// Remote-ready only when every index merged is (schema::kRemoteReadyKey):
// the documents of the others carry no record.
std::map<std::string, std::string> settled_metadata(const std::vector<Source>& sources) {
  const Source& first = sources.front();
  std::map<std::string, std::string> m;
  for (std::string_view key : {store::schema::kBuildModeKey, store::schema::kChannelKey, store::schema::kDictionaryKey})
    m[std::string(key)] = first.db.get_metadata(std::string(key));
  m[std::string(store::schema::kShardKey)] = "";
  const std::string remote_ready(store::schema::kRemoteReadyKey);
  m[remote_ready] = "1";
  for (const Source& s : sources)
    if (s.db.get_metadata(remote_ready).empty()) m[remote_ready] = "";
  return m;
}

// "" when the indexes are the whole shard set 1/N .. N/N, or none holds a
// shard; else the shards they hold ("1/3, 2/3, the whole archive").
std::string partial_shards(const std::vector<Source>& sources) {
  std::set<std::pair<unsigned, unsigned>> held;  // (N, K)
  std::string named;
  for (const Source& s : sources) {
    const Shard shard = Shard::decode(s.db.get_metadata(std::string(store::schema::kShardKey)));
    held.insert({shard.count, shard.number});
    named += (named.empty() ? "" : ", ") + (shard.whole() ? std::string("the whole archive") : shard.encode());
  }
  const unsigned n = held.begin()->first;
  const bool whole_set = held.size() == n && held.rbegin()->first == n;  // N of them, all of N (K unique)
  return whole_set ? "" : named;
}

// Xapian's compaction of the shards together: metadata keys the shards
// share are resolved as settled_metadata() says (others: the first
// shard's), and a stop request abandons it (Xapian reports progress per
// table; the exception thrown here unwinds the compaction).
class MergingCompactor : public StoppableCompactor {
 public:
  MergingCompactor(const StopRequest* stop, const std::map<std::string, std::string>& settled)
      : StoppableCompactor(stop), settled_(settled) {}
  std::string resolve_duplicate_metadata(const std::string& key, size_t, const std::string tags[]) override {
    const auto it = settled_.find(key);
    return it != settled_.end() ? it->second : tags[0];
  }

 private:
  const std::map<std::string, std::string>& settled_;
};

// Compacts the shards' Xapian databases together into `dest`, then sets
// the settled metadata (a key held by one shard alone is never resolved).
// Returns false when stopped.
bool merge_xapian(const fs::path& dest, const std::vector<Source>& sources, const StopRequest* stop) {
  const auto settled = settled_metadata(sources);
  Xapian::Database all;
  for (const Source& s : sources) all.add_database(s.db);
  MergingCompactor compactor(stop, settled);
  try {
    all.compact(dest.string(), 0, 0, compactor);
  } catch (const MergingCompactor::Stopped&) {
    return false;
  }
  Xapian::WritableDatabase merged(dest.string(), Xapian::DB_OPEN);
  for (const auto& [key, value] : settled)
    if (merged.get_metadata(key) != value) merged.set_metadata(key, value);
  merged.commit();
  return true;
}

// fsyncs every file and directory under `dir`, and `dir`.
void sync_tree(const fs::path& dir) {
  for (const auto& e : fs::recursive_directory_iterator(dir)) io::sync_path(e.path());
  io::sync_path(dir);
}

// "<out>.merging": where the merged index is built, locked against another
// merge into `out`, cleared of what a crashed one left; removed unless
// moved into place.
class Staging {
 public:
  explicit Staging(const fs::path& out) : dir_(out.string() + ".merging"), lock_(dir_) {
    for (const auto& e : fs::directory_iterator(dir_))
      if (e.path() != store::schema::lock_file(dir_)) fs::remove_all(e.path());
  }
  ~Staging() {
    if (placed_) return;
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  Staging(const Staging&) = delete;
  Staging& operator=(const Staging&) = delete;

  const fs::path& dir() const { return dir_; }
  // Syncs the whole merged index and renames it to `out` (an empty
  // directory there is replaced).
  void place_at(const fs::path& out) {
    sync_tree(dir_);
    fs::rename(dir_, out);
    placed_ = true;
    io::sync_path(out.parent_path());
  }

 private:
  fs::path dir_;
  WriterLock lock_;
  bool placed_ = false;
};

void bring(const std::vector<Brought>& files, const fs::path& into, MergeStats& stats) {
  fs::create_directories(store::schema::sidecar_dir(into));
  for (const Brought& f : files) {
    (io::link_or_copy(f.from, into / f.to) ? stats.files_linked : stats.files_copied)++;
    if (f.sidecar_data) stats.sidecar_bytes += fs::file_size(f.from);
  }
}

}  // namespace

MergeStats merge_indexes(const fs::path& out_given, const std::vector<fs::path>& shards, const StopRequest* stop) {
  const auto t0 = std::chrono::steady_clock::now();
  MergeStats stats;
  const fs::path out = normal_path(out_given);
  check_out(out);
  const std::vector<Source> sources = open_shards(out, shards);
  stats.shards = sources.size();
  stats.partial_shards = partial_shards(sources);
  check_modes(sources);
  check_paths_disjoint(sources);  // before the file names: the same documents twice say so, not "000000.vsc"
  std::vector<Brought> files;
  plan_sidecar(sources, files);
  plan_channels(sources, files);

  Staging staging(out);
  bool whole = !stop_requested(stop) && merge_xapian(store::schema::xapian_dir(staging.dir()), sources, stop);
  if (whole) {
    bring(files, staging.dir(), stats);
    std::vector<fs::path> dirs;
    for (const Source& s : sources) dirs.push_back(s.dir);
    const FailureMemory failures = FailureMemory::union_of(dirs);
    stats.failures_remembered = failures.size();
    failures.save(staging.dir());
    stats.documents = Xapian::Database(store::schema::xapian_dir(staging.dir()).string()).get_doccount();
    stats.xapian_bytes = xapian_bytes(staging.dir());
    whole = !stop_requested(stop);
  }
  if (whole) staging.place_at(out);
  stats.stopped_by = whole ? 0 : stop->signal();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return stats;
}

}  // namespace vn::index
