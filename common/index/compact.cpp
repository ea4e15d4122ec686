#include "index/compact.hpp"

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <map>
#include <set>
#include <vector>
#include <system_error>

#include "index/writer_lock.hpp"
#include "store/document_data.hpp"
#include "store/schema.hpp"
#include "store/sidecar.hpp"

namespace vn::index {
namespace fs = std::filesystem;

namespace {

constexpr size_t kCommitEvery = 5000;

uint64_t tree_bytes(const fs::path& dir) {
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec))
    if (e.is_regular_file(ec)) total += e.file_size(ec);
  return total;
}

uint64_t sidecar_bytes(const fs::path& dir) {
  uint64_t total = 0;
  for (const auto& e : fs::directory_iterator(dir))
    if (store::is_sidecar_file_name(e.path().filename().string())) total += e.file_size();
  return total;
}

// Old Xapian directory of a compaction whose swap fell back to two renames.
fs::path old_xapian_dir(const fs::path& db) { return db / "xapian.old"; }

// Swaps two directories atomically (renameat2 RENAME_EXCHANGE); where the
// file system cannot, renames `live` aside and `fresh` into its place
// (tidy_interrupted_compaction repairs a crash between the two).
void swap_in(const fs::path& fresh, const fs::path& live, const fs::path& db) {
  if (::syscall(SYS_renameat2, AT_FDCWD, fresh.c_str(), AT_FDCWD, live.c_str(), RENAME_EXCHANGE) == 0) {
    fs::remove_all(fresh);  // now the old database
    return;
  }
  if (errno != EINVAL && errno != ENOSYS)
    throw std::system_error(errno, std::generic_category(), "cannot swap in " + fresh.string());
  fs::rename(live, old_xapian_dir(db));
  fs::rename(fresh, live);
  fs::remove_all(old_xapian_dir(db));
}

// Copies the live records out of sidecar files that hold dead bytes.
void rewrite_sidecar(const fs::path& db_dir, Xapian::WritableDatabase& db, CompactStats& stats) {
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

  store::SidecarWriter writer(dir);
  const store::SidecarReader reader(dir);
  size_t uncommitted = 0;
  for (const auto& [id, at] : located) {
    if (!dead.count(at.file)) continue;
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
}

}  // namespace

void tidy_interrupted_compaction(const fs::path& db) {
  const fs::path live = store::schema::xapian_dir(db);
  if (!fs::exists(live) && fs::exists(old_xapian_dir(db))) fs::rename(old_xapian_dir(db), live);
  fs::remove_all(old_xapian_dir(db));
  fs::remove_all(store::schema::compacted_xapian_dir(db));
}

CompactStats compact_index(const fs::path& db_dir) {
  const auto t0 = std::chrono::steady_clock::now();
  CompactStats stats;
  const fs::path live = store::schema::xapian_dir(db_dir);
  if (!fs::is_directory(live)) throw std::runtime_error("no index at " + db_dir.string());
  WriterLock lock(db_dir);
  tidy_interrupted_compaction(db_dir);
  stats.sidecar_bytes_before = sidecar_bytes(store::schema::sidecar_dir(db_dir));
  stats.xapian_bytes_before = tree_bytes(live);
  {
    Xapian::WritableDatabase db(live.string(), Xapian::DB_OPEN);
    stats.documents = db.get_doccount();
    rewrite_sidecar(db_dir, db, stats);
    db.close();
  }
  const fs::path fresh = store::schema::compacted_xapian_dir(db_dir);
  Xapian::Database(live.string()).compact(fresh.string());
  swap_in(fresh, live, db_dir);
  stats.sidecar_bytes_after = sidecar_bytes(store::schema::sidecar_dir(db_dir));
  stats.xapian_bytes_after = tree_bytes(live);
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return stats;
}

}  // namespace vn::index
