#include "index/xapian_parts.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "index/compact.hpp"
#include "store/schema.hpp"

namespace vn::index {
namespace fs = std::filesystem;

namespace {

// Whether the part at `dir` can be opened. One that cannot was killed
// while Xapian created it, before its first commit: it holds nothing.
bool opens(const fs::path& dir) {
  try {
    Xapian::Database part(dir.string());
    return true;
  } catch (const Xapian::DatabaseOpeningError&) {
    return false;
  }
}

// The parts' directories that hold a database, in name order.
std::vector<fs::path> part_dirs(const fs::path& db) {
  std::vector<fs::path> parts;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(store::schema::xapian_parts_dir(db), ec))
    if (e.is_directory(ec) && opens(e.path())) parts.push_back(e.path());
  std::sort(parts.begin(), parts.end());
  return parts;
}

}  // namespace

XapianParts::XapianParts(const fs::path& db, unsigned count, size_t commit_every, uint64_t commit_bytes,
                         std::function<void()> sync_frames)
    : dir_(store::schema::xapian_parts_dir(db)),
      commit_every_(std::max<size_t>(commit_every, 1)),
      commit_bytes_(std::max<uint64_t>(commit_bytes, 1)),
      sync_frames_(std::move(sync_frames)),
      parts_(std::max(count, 1u)) {}

void XapianParts::add(const Xapian::Document& doc, uint64_t source_bytes, uint64_t ordinal) {
  const size_t number = ordinal % parts_.size();
  Part& part = parts_[number];
  std::lock_guard<std::mutex> hold(part.mutex);
  if (!part.db) {
    fs::create_directories(dir_);
    char name[32];
    std::snprintf(name, sizeof name, "part-%04zu", number);  // merged in name order
    part.db = std::make_unique<Xapian::WritableDatabase>((dir_ / name).string(), Xapian::DB_CREATE_OR_OVERWRITE);
  }
  if (!part.in_transaction) {
    part.db->begin_transaction(true);
    part.in_transaction = true;
  }
  // Its place in the part, whatever order the threads add in.
  part.db->replace_document(static_cast<Xapian::docid>(ordinal / parts_.size() + 1), doc);
  part.uncommitted_bytes += source_bytes;
  if (++part.uncommitted >= commit_every_ || part.uncommitted_bytes >= commit_bytes_) commit(part);
}

void XapianParts::commit(Part& part) {
  if (part.uncommitted == 0) return;
  sync_frames_();  // the part must never point at frames not yet on disk
  part.db->commit_transaction();
  part.in_transaction = false;
  part.uncommitted = 0;
  part.uncommitted_bytes = 0;
}

void XapianParts::commit() {
  for (Part& part : parts_)
    if (part.db) {
      commit(part);
      part.db->close();
    }
}

bool merge_parts(const fs::path& db) {
  const std::vector<fs::path> parts = part_dirs(db);
  if (parts.empty()) {
    fs::remove_all(store::schema::xapian_parts_dir(db));
    return false;
  }
  compact_xapian(db, nullptr, parts);
  fs::remove_all(store::schema::xapian_parts_dir(db));  // merged: the index's database holds them now
  return true;
}

void recover_parts(const fs::path& db) {
  if (!fs::exists(store::schema::xapian_parts_dir(db))) return;
  const bool merged = fs::exists(store::schema::xapian_dir(db)) &&
                      Xapian::Database(store::schema::xapian_dir(db).string()).get_doccount() > 0;
  if (merged)
    fs::remove_all(store::schema::xapian_parts_dir(db));
  else
    merge_parts(db);
}

}  // namespace vn::index
