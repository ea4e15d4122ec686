// The index schema: the one place that names Xapian term prefixes, value
// slots and the layout of an index directory.
#pragma once
#include <xapian.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace vn::store::schema {

// Folded terms (lower-case, no diacritics, đ -> d) carry this prefix; exact
// terms (lower-case NFC, canonical tone placement) carry none and exist only
// for tokens with diacritics (see store/terms.hpp).
inline constexpr std::string_view kFoldedPrefix = "XF";
// Boolean term naming the source file (Xapian's convention for unique ids).
inline constexpr std::string_view kIdPrefix = "Q";

// Value slots (sortable_serialise'd numbers).
inline constexpr Xapian::valueno kSlotSize = 0;   // source size in bytes
inline constexpr Xapian::valueno kSlotMtime = 1;  // source mtime, seconds since epoch

// Xapian refuses terms longer than 245 bytes; longer tokens are not indexed.
inline constexpr size_t kMaxTermBytes = 240;

// Layout of an index directory.
std::filesystem::path xapian_dir(const std::filesystem::path& db);
std::filesystem::path sidecar_dir(const std::filesystem::path& db);

// The unique id term for a source path (hashed when the path is too long).
std::string id_term(std::string_view source_path);

}  // namespace vn::store::schema
