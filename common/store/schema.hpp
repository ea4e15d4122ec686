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
// for tokens with diacritics (see vi/terms.hpp, store/postings.hpp).
inline constexpr std::string_view kFoldedPrefix = "XF";
// Boolean term naming the source file (Xapian's convention for unique ids).
inline constexpr std::string_view kIdPrefix = "Q";

// Boolean metadata terms: the prefix, then the value folded (lower case,
// no diacritics), as store/fields.hpp encodes them. Type without spaces
// ("XKbaocao"), code ("XC103-bc/du"), each word of the issuer ("XIlang",
// "XIson"), year ("XY2025") and the code of every cited document
// ("XR18-nq/tw").
inline constexpr std::string_view kTypePrefix = "XK";
inline constexpr std::string_view kCodePrefix = "XC";
inline constexpr std::string_view kIssuerPrefix = "XI";
inline constexpr std::string_view kYearPrefix = "XY";
inline constexpr std::string_view kCitesPrefix = "XR";

// Value slots.
inline constexpr Xapian::valueno kSlotSize = 0;   // source size in bytes (sortable_serialise)
inline constexpr Xapian::valueno kSlotMtime = 1;  // source mtime, seconds since epoch (sortable_serialise)
inline constexpr Xapian::valueno kSlotDate = 2;   // document date "YYYYMMDD" (sorts as a string)
inline constexpr Xapian::valueno kSlotType = 3;   // document type as written ("BÁO CÁO") (facets)
inline constexpr Xapian::valueno kSlotYear = 4;   // document year "2025" (facets)
inline constexpr Xapian::valueno kSlotIssuer = 5; // issuing body as written (facets)
// Source path as stored in the document data (sorts as bytes: --sort path).
// Absent in documents indexed before it was added; query/path_key.hpp
// reads their path from the document data instead.
inline constexpr Xapian::valueno kSlotPath = 6;
// The document's sidecar record, its frames as the sidecar holds them, in
// indexes built for remote serving (kRemoteReadyKey): a remote shard gives
// its records only through what Xapian's remote protocol carries.
inline constexpr Xapian::valueno kSlotRecord = 7;

// Xapian refuses terms longer than 245 bytes; longer tokens are not indexed.
inline constexpr size_t kMaxTermBytes = 240;

// Layout of an index directory.
std::filesystem::path xapian_dir(const std::filesystem::path& db);
std::filesystem::path sidecar_dir(const std::filesystem::path& db);
std::filesystem::path lock_file(const std::filesystem::path& db);           // held by the one writer
std::filesystem::path compacted_xapian_dir(const std::filesystem::path& db);  // compaction's output, then its leftover
// The Xapian databases a first run writes from several threads, merged
// into xapian_dir at its end (index/xapian_parts.hpp).
std::filesystem::path xapian_parts_dir(const std::filesystem::path& db);
// The files that failed in the last runs, with their reasons (JSON; see
// index/failure_memory.hpp).
std::filesystem::path failures_file(const std::filesystem::path& db);
// The OCR channel adapted to the archive (restore/channel_adaptation.hpp),
// by its id (the content hash of the file): channel-<id>.tsv, written once
// and never changed.
std::filesystem::path channel_file(const std::filesystem::path& db, std::string_view id);

// Xapian metadata key holding the id of the dictionary new sidecar records
// are compressed with ("0": none; absent: not decided yet).
inline constexpr std::string_view kDictionaryKey = "vnarchive.dictionary";
// Xapian metadata key holding how the documents were made (restored, with
// which models, or not: index/build_mode.hpp); absent in a new index.
inline constexpr std::string_view kBuildModeKey = "vnarchive.build";
// Xapian metadata key holding the id of the adapted channel new documents
// are restored with (channel_file); absent: the shipped channel.
inline constexpr std::string_view kChannelKey = "vnarchive.channel";

// Xapian metadata key holding the shard of the archive the index holds
// ("K/N", index/shard.hpp); absent: the whole archive.
inline constexpr std::string_view kShardKey = "vnarchive.shard";

// Xapian metadata key present ("1") in an index built for remote serving
// (vnindex index --remote-ready): every document carries its record
// (kSlotRecord) and the metadata every dictionary (dictionary_key).
inline constexpr std::string_view kRemoteReadyKey = "vnarchive.remote_ready";
// Xapian metadata key holding the bytes of sidecar dictionary `id`, in an
// index built for remote serving.
std::string dictionary_key(unsigned id);

// The unique id term for a source path (hashed when the path is too long).
std::string id_term(std::string_view source_path);

}  // namespace vn::store::schema
