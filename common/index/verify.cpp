#include "index/verify.hpp"

#include <tbb/parallel_for.h>
#include <xapian.h>

#include <atomic>
#include <mutex>
#include <sstream>
#include <unordered_map>

#include "store/document_data.hpp"
#include "index/archive_channel.hpp"
#include "store/schema.hpp"
#include "store/sidecar.hpp"

namespace vn::index {
namespace {

struct Problems {
  VerifyReport& report;
  std::mutex mutex;
  void add(Xapian::docid id, const std::string& what) { add_line("document " + std::to_string(id) + ": " + what); }
  // A problem of the document of `path`.
  void add(Xapian::docid id, const std::string& path, const std::string& what) {
    add_line("document " + std::to_string(id) + " (" + path + "): " + what);
  }
  void add_line(std::string line) {
    std::lock_guard lock(mutex);
    if (report.problems.size() < kMaxProblems) report.problems.push_back(std::move(line));
    ++report.problem_count;
  }
  // A problem of the Xapian database as a whole.
  void add_database(const std::string& what) { add_line("Xapian database: " + what); }
};

// The document's id terms ("Q...").
std::vector<std::string> id_terms(const Xapian::Document& doc) {
  std::vector<std::string> out;
  const std::string prefix(store::schema::kIdPrefix);
  auto t = doc.termlist_begin();
  for (t.skip_to(prefix); t != doc.termlist_end() && (*t).compare(0, prefix.size(), prefix) == 0; ++t) out.push_back(*t);
  return out;
}

// How `record` is not the record `data` points at, or "" when it is.
std::string mismatch(const store::DocumentRecord& record, const store::DocumentData& data) {
  if (record.path != data.path) return "its sidecar record is of another path: " + record.path;
  if (!data.content_hash.empty() && record.content_hash != data.content_hash)
    return "its sidecar record has another content hash";
  return {};
}

// True when an index run's check of records (which does not parse them)
// finds the record at `where` unreadable, as verify did.
bool a_run_finds(const store::SidecarReader& reader, const store::SidecarLocation& where) {
  try {
    reader.check(where);
    return false;
  } catch (const std::exception&) {
    return true;
  }
}

// The adapted channel the index names must be there: runs restore with it.
void check_channel(const std::filesystem::path& db_dir, const Xapian::Database& db, Problems& problems) {
  const std::string id = stored_channel_id(db);
  if (id.empty() || channel_is_whole(db_dir, id)) return;
  problems.add_database("its adapted OCR channel " + store::schema::channel_file(db_dir, id).string() +
                        " is missing or damaged: run vnindex index --force over the same inputs to adapt and "
                        "restore again");
}

// Xapian's own check, then every document's id terms, path and sidecar
// record. Throws Xapian::DatabaseError on damage Xapian cannot read past.
void check_documents(const std::filesystem::path& db_dir, const std::string& xapian_path, VerifyReport& report,
                     Problems& problems) {
  std::ostringstream xapian_out;
  report.xapian_errors = Xapian::Database::check(xapian_path, Xapian::DBCHECK_SHOW_STATS, &xapian_out);
  if (report.xapian_errors) problems.add_database("its check found " + std::to_string(report.xapian_errors) + " errors");

  Xapian::Database db(xapian_path);
  report.documents = db.get_doccount();
  check_channel(db_dir, db, problems);
  std::vector<std::pair<Xapian::docid, store::DocumentData>> located;
  std::unordered_map<std::string, Xapian::docid> by_path;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::Document doc = db.get_document(*it);
    store::DocumentData data;
    try {
      data = store::decode_document_data(doc.get_data());
    } catch (const std::runtime_error& e) {
      problems.add(*it, e.what());
      continue;
    }
    const auto ids = id_terms(doc);
    if (ids.size() != 1 || ids[0] != store::schema::id_term(data.path))
      problems.add(*it, "id terms do not match its path " + data.path);
    else if (db.get_termfreq(ids[0]) != 1)
      problems.add(*it, "its path " + data.path + " is indexed " + std::to_string(db.get_termfreq(ids[0])) + " times");
    if (auto [at, added] = by_path.emplace(data.path, *it); !added)
      problems.add(*it, "same path as document " + std::to_string(at->second) + ": " + data.path);
    located.emplace_back(*it, std::move(data));
  }

  const store::SidecarReader reader(store::schema::sidecar_dir(db_dir));
  std::atomic<size_t> records{0}, unreadable{0}, need_force{0};
  tbb::parallel_for(size_t{0}, located.size(), [&](size_t i) {
    const auto& [id, data] = located[i];
    try {
      const std::string wrong = mismatch(reader.read_checked(data.sidecar), data);
      ++records;
      if (!wrong.empty()) {
        problems.add(id, data.path, wrong);
        ++need_force;
      }
    } catch (const std::exception& e) {
      problems.add(id, data.path, std::string("sidecar record unreadable: ") + e.what());
      ++(a_run_finds(reader, data.sidecar) ? unreadable : need_force);
    }
  });
  report.records = records;
  report.unreadable_records = unreadable;
  report.records_needing_force = need_force;
}

}  // namespace

std::string repair_advice(const VerifyReport& r) {
  std::string advice;
  auto documents = [](size_t n) { return std::to_string(n) + (n == 1 ? " document" : " documents"); };
  if (r.unreadable_records)
    advice = "run vnindex index again over the same inputs to repair " + documents(r.unreadable_records) +
             " with unreadable sidecar records (they are indexed again from their files; those whose files are "
             "gone are removed with --prune)";
  if (r.records_needing_force)
    advice += std::string(advice.empty() ? "" : "; ") + "run vnindex index --force over the same inputs to repair " +
              documents(r.records_needing_force) +
              " whose records are of another file, or unreadable only when parsed (written before frames had "
              "checksums)";
  return advice;
}

VerifyReport verify_index(const std::filesystem::path& db_dir) {
  VerifyReport report;
  Problems problems{report, {}};
  const std::string xapian_path = store::schema::xapian_dir(db_dir).string();
  if (!std::filesystem::is_directory(xapian_path)) throw std::runtime_error("no index at " + db_dir.string());
  // Damage Xapian meets (in its check, or reading documents) is a finding,
  // not a failure of verify.
  report.unmerged_parts = std::filesystem::exists(store::schema::xapian_parts_dir(db_dir));
  try {
    check_documents(db_dir, xapian_path, report, problems);
  } catch (const Xapian::DatabaseError& e) {
    problems.add_database(e.get_description() + " (rebuild the index: move " + db_dir.string() +
                          " aside and run vnindex index again)");
  }
  return report;
}

}  // namespace vn::index
