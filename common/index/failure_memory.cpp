#include "index/failure_memory.hpp"

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <unordered_set>

#include "io/atomic_file.hpp"
#include "io/whole_file.hpp"
#include "store/schema.hpp"
#include "util/json.hpp"

namespace vn::index {
namespace {

constexpr int kFormatVersion = 1;

std::string string_of(const rapidjson::Value& v) { return std::string(v.GetString(), v.GetStringLength()); }

// The remembered failure in `v`, when it is one: sets `path` and `out`.
bool parse_failure(const rapidjson::Value& v, std::string& path, RememberedFailure& out) {
  if (!v.IsObject() || !v.HasMember("path") || !v["path"].IsString() || !v.HasMember("reason") ||
      !v["reason"].IsString())
    return false;
  path = string_of(v["path"]);
  out.reason = string_of(v["reason"]);
  out.has_identity = v.HasMember("size") && v["size"].IsUint64() && v.HasMember("mtime") && v["mtime"].IsInt64();
  if (out.has_identity) {
    out.size = v["size"].GetUint64();
    out.mtime = v["mtime"].GetInt64();
  }
  return true;
}

// The walk's entry for `path` (entries are sorted by path), or nullptr.
const io::SourceEntry* entry_of(const std::vector<io::SourceEntry>& entries, const std::string& path) {
  const auto it = std::lower_bound(entries.begin(), entries.end(), path,
                                   [](const io::SourceEntry& e, const std::string& p) { return e.path < p; });
  return it != entries.end() && it->path == path ? &*it : nullptr;
}

// The run's inputs, as the walk names paths: a path lies under one when it
// is that input or inside that directory.
class InputTrees {
 public:
  explicit InputTrees(const std::vector<std::string>& inputs) {
    for (const auto& input : inputs) roots_.push_back(io::normal_input_path(input));
  }
  // `path` may be an input as given (a walk failure names it so).
  bool contain(const std::string& path) const {
    const std::string p = io::normal_input_path(path);
    return std::any_of(roots_.begin(), roots_.end(), [&](const std::string& r) { return io::lies_under(p, r); });
  }

 private:
  std::vector<std::string> roots_;
};

}  // namespace

FailureMemory FailureMemory::load(const IndexOptions& options) {
  FailureMemory m;
  const std::string json = io::read_whole_file(store::schema::failures_file(options.db)).value_or("");
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  if (d.HasParseError() || !d.IsObject() || !d.HasMember("version") || !d["version"].IsInt() ||
      d["version"].GetInt() != kFormatVersion || !d.HasMember("failures") || !d["failures"].IsArray())
    return m;
  if (d.HasMember("max_file_size") && d["max_file_size"].IsUint64()) m.max_file_size_ = d["max_file_size"].GetUint64();
  for (const auto& v : d["failures"].GetArray()) {
    std::string path;
    RememberedFailure f;
    if (parse_failure(v, path, f)) m.failures_[path] = std::move(f);
  }
  m.recalls_ = !options.retry_failed && !options.force && m.max_file_size_ == options.max_file_size;
  return m;
}

const RememberedFailure* FailureMemory::recall(const io::SourceEntry& entry) const {
  if (!recalls_) return nullptr;
  const auto it = failures_.find(entry.path);
  if (it == failures_.end()) return nullptr;
  const RememberedFailure& f = it->second;
  return f.has_identity && f.size == entry.size && f.mtime == entry.mtime ? &f : nullptr;
}

bool FailureMemory::recalls_walk_failure(const io::FileError& failure) const {
  if (!recalls_) return false;
  const auto it = failures_.find(failure.path);
  return it != failures_.end() && !it->second.has_identity && it->second.reason == failure.reason;
}

FailureMemory FailureMemory::after(const IndexOptions& options, const std::vector<io::SourceEntry>& entries,
                                   const IndexStats& stats) const {
  FailureMemory next;
  next.max_file_size_ = options.max_file_size;
  std::unordered_set<std::string_view> met;  // the walk's failures and skips, and the files that failed
  for (const FileOutcome& o : stats.notable) {
    met.insert(o.path);
    if (o.outcome != Outcome::kFailed) continue;
    RememberedFailure& f = next.failures_[o.path];
    f.reason = o.detail;
    if (const io::SourceEntry* e = entry_of(entries, o.path)) {
      f.has_identity = true;
      f.size = e->size;
      f.mtime = e->mtime;
    }
  }
  const io::SourceEntry* const reached_end = entries.data() + (entries.size() - stats.not_reached);
  const InputTrees trees(options.inputs);
  for (const auto& [path, f] : failures_) {
    if (met.count(path)) continue;  // looked at by this run: what it found stands
    const io::SourceEntry* e = entry_of(entries, path);
    if (e && e < reached_end) continue;  // reached, and it did not fail: indexed
    // Found but not reached (the run stopped early), or outside this run's
    // inputs: still as remembered. Under its inputs and not found: gone.
    if (e || !trees.contain(path)) next.failures_.emplace(path, f);
  }
  return next;
}

FailureMemory FailureMemory::union_of(const std::vector<std::filesystem::path>& dbs) {
  FailureMemory all;
  bool first = true;
  for (const auto& db : dbs) {
    IndexOptions options;
    options.db = db;
    FailureMemory m = load(options);
    if (m.failures_.empty()) continue;
    if (first) all.max_file_size_ = m.max_file_size_, first = false;
    if (m.max_file_size_ != all.max_file_size_) continue;
    all.failures_.merge(m.failures_);  // a path in two memories: the first's stays
  }
  return all;
}

void FailureMemory::save(const std::filesystem::path& db) const {
  const auto file = store::schema::failures_file(db);
  if (failures_.empty()) {
    std::filesystem::remove(file);
    return;
  }
  std::vector<const decltype(failures_)::value_type*> sorted;
  for (const auto& kv : failures_) sorted.push_back(&kv);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  rapidjson::StringBuffer buf;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  w.Key("version"), w.Int(kFormatVersion);
  w.Key("max_file_size"), w.Uint64(max_file_size_);
  w.Key("failures");
  w.StartArray();
  for (const auto* kv : sorted) {
    w.StartObject();
    util::put_string(w, "path", kv->first);
    util::put_string(w, "reason", kv->second.reason);
    if (kv->second.has_identity) {
      w.Key("size"), w.Uint64(kv->second.size);
      w.Key("mtime"), w.Int64(kv->second.mtime);
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  io::write_file_atomically(file, std::string(buf.GetString(), buf.GetSize()) + "\n");
}

}  // namespace vn::index
