#include "store/schema.hpp"

#include "store/content_hash.hpp"
#include "text/normalize.hpp"
#include "text/whitespace.hpp"
#include "vi/fold.hpp"

namespace vn::store::schema {

std::filesystem::path xapian_dir(const std::filesystem::path& db) { return db / "xapian"; }
std::filesystem::path sidecar_dir(const std::filesystem::path& db) { return db / "sidecar"; }
std::filesystem::path lock_file(const std::filesystem::path& db) { return db / "writer.lock"; }
std::filesystem::path compacted_xapian_dir(const std::filesystem::path& db) { return db / "xapian.compact"; }

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

std::string metadata_term(std::string_view prefix, std::string_view value, bool drop_spaces) {
  std::string folded = text::collapse_whitespace(text::to_lower(vi::fold(value)));
  if (drop_spaces) std::erase(folded, ' ');
  if (folded.empty() || prefix.size() + folded.size() > kMaxTermBytes) return {};
  return std::string(prefix) + folded;
}

}  // namespace vn::store::schema
