#include "index/compact.hpp"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <vector>

#include "index/shard.hpp"
#include "index/writer_lock.hpp"
#include "index/xapian_parts.hpp"
#include "io/atomic_file.hpp"
#include "store/document_data.hpp"
#include "store/schema.hpp"
#include "store/sidecar.hpp"

namespace vn::index {
namespace fs = std::filesystem;

namespace {

constexpr size_t kCommitEvery = 5000;

uint64_t sidecar_bytes(const fs::path& dir) {
  uint64_t total = 0;
  for (const auto& e : fs::directory_iterator(dir))
    if (store::is_sidecar_file_name(e.path().filename().string())) total += e.file_size();
  return total;
}

// Old Xapian directory of a compaction whose swap fell back to two renames
// (io::replace_directory).
fs::path old_xapian_dir(const fs::path& db) { return db / "xapian.old"; }

// Copies the live records out of sidecar files that hold dead bytes.
// Returns false when stopped early (what was moved is committed; files
// still holding dead bytes are kept for the next compaction).
bool rewrite_sidecar(const fs::path& db_dir, Xapian::WritableDatabase& db, CompactStats& stats,
                     const StopRequest* stop) {
  const fs::path dir = store::schema::sidecar_dir(db_dir);
  std::vector<std::pair<Xapian::docid, store::SidecarLocation>> located;  // read before anything changes
  std::map<std::string, uint64_t> live;                                  // file -> live bytes
  for (const auto& e : fs::directory_iterator(dir))
    if (store::is_sidecar_file_name(e.path().filename().string())) live[e.path().filename().string()] = 0;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    located.emplace_back(*it, store::decode_document_data(db.get_document(*it).get_data()).sidecar);
    live[located.back().second.file] += located.back().second.length;
  }
  std::set<std::string> dead;  // files holding dead bytes (or missing: reading them fails loudly)
  for (const auto& [file, bytes] : live) {
    std::error_code ec;
    if (fs::file_size(dir / file, ec) > bytes || ec) dead.insert(file);
  }

  store::SidecarWriter writer(dir, Shard::decode(db.get_metadata(std::string(store::schema::kShardKey))).sidecar_naming());
  const store::SidecarReader reader(dir);
  size_t uncommitted = 0;
  for (const auto& [id, at] : located) {
    if (!dead.count(at.file)) continue;
    if (stop_requested(stop)) {
      writer.sync();
      db.commit();
      return false;
    }
    Xapian::Document doc = db.get_document(id);
    store::DocumentData data = store::decode_document_data(doc.get_data());
    data.sidecar = writer.append(reader.read_frame(at));
    doc.set_data(store::encode_document_data(data));
    db.replace_document(id, doc);
    ++stats.records_moved;
    if (++uncommitted >= kCommitEvery) {
      writer.sync();
      db.commit();
      uncommitted = 0;
    }
  }
  writer.sync();
  db.commit();
  for (const std::string& file : dead) {  // nothing in the committed index points into these any more
    fs::remove(dir / file);
    ++stats.sidecar_files_removed;
  }
  return true;
}

}  // namespace

uint64_t bytes_under(const fs::path& dir) {
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec))
    if (e.is_regular_file(ec)) total += e.file_size(ec);
  return total;
}

uint64_t xapian_bytes(const fs::path& db) { return bytes_under(store::schema::xapian_dir(db)); }

bool compact_xapian(const fs::path& db_dir, const StopRequest* stop, const std::vector<fs::path>& merged) {
  const fs::path live = store::schema::xapian_dir(db_dir);
  const fs::path fresh = store::schema::compacted_xapian_dir(db_dir);
  StoppableCompactor compactor(stop);
  try {
    Xapian::Database source(live.string());
    for (const fs::path& other : merged) source.add_database(Xapian::Database(other.string()));
    source.compact(fresh.string(), 0, 0, compactor);
  } catch (...) {  // stopped, or a full disk: the partial copy goes, the live database was never touched
    std::error_code ignored;
    fs::remove_all(fresh, ignored);
    if (stop_requested(stop)) return false;
    throw;
  }
  io::replace_directory(live, fresh, old_xapian_dir(db_dir));
  return true;
}

void tidy_interrupted_compaction(const fs::path& db) {
  io::recover_directory(store::schema::xapian_dir(db), old_xapian_dir(db));
  fs::remove_all(store::schema::compacted_xapian_dir(db));
}

CompactStats compact_index(const fs::path& db_dir, const StopRequest* stop) {
  const auto t0 = std::chrono::steady_clock::now();
  CompactStats stats;
  const fs::path live = store::schema::xapian_dir(db_dir);
  if (!fs::is_directory(live)) throw std::runtime_error("no index at " + db_dir.string());
  WriterLock lock(db_dir);
  tidy_interrupted_compaction(db_dir);
  recover_parts(db_dir);  // a killed first run's documents are in no sidecar file's live bytes until merged
  stats.sidecar_bytes_before = sidecar_bytes(store::schema::sidecar_dir(db_dir));
  stats.xapian_bytes_before = xapian_bytes(db_dir);
  bool finished;
  {
    Xapian::WritableDatabase db(live.string(), Xapian::DB_OPEN);
    stats.documents = db.get_doccount();
    finished = rewrite_sidecar(db_dir, db, stats, stop);
    db.close();
  }
  if (finished) finished = !stop_requested(stop) && compact_xapian(db_dir, stop);
  stats.stopped_by = finished ? 0 : stop->signal();
  stats.sidecar_bytes_after = sidecar_bytes(store::schema::sidecar_dir(db_dir));
  stats.xapian_bytes_after = xapian_bytes(db_dir);
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return stats;
}

}  // namespace vn::index
