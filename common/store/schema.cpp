#include "store/schema.hpp"

#include "store/content_hash.hpp"

namespace vn::store::schema {

std::filesystem::path xapian_dir(const std::filesystem::path& db) { return db / "xapian"; }
std::filesystem::path sidecar_dir(const std::filesystem::path& db) { return db / "sidecar"; }
std::filesystem::path lock_file(const std::filesystem::path& db) { return db / "writer.lock"; }
std::filesystem::path compacted_xapian_dir(const std::filesystem::path& db) { return db / "xapian.compact"; }
std::filesystem::path xapian_parts_dir(const std::filesystem::path& db) { return db / "xapian.parts"; }
std::filesystem::path failures_file(const std::filesystem::path& db) { return db / "failures.json"; }
std::filesystem::path channel_file(const std::filesystem::path& db, std::string_view id) {
  return db / ("channel-" + std::string(id) + ".tsv");
}

std::string dictionary_key(unsigned id) { return "vnarchive.zdict." + std::to_string(id); }

std::string id_term(std::string_view source_path) {
  std::string term(kIdPrefix);
  if (term.size() + source_path.size() <= kMaxTermBytes) {
    term += source_path;
  } else {
    term += "#";
    term += content_hash(source_path);
  }
  return term;
}

}  // namespace vn::store::schema
