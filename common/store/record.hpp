// The sidecar record: everything about one source document that the index
// itself does not hold, serialised as JSON (RapidJSON).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doc/citations.hpp"
#include "doc/metadata.hpp"

namespace vn::store {

inline constexpr int kRecordVersion = 1;

// A restored token the restorer was unsure of (byte offsets in `text`).
struct UncertainToken {
  uint32_t offset = 0;
  uint32_t length = 0;
  std::string restored;
  float confidence = 0;
};

struct DocumentRecord {
  std::string path;          // absolute source path
  uint64_t bytes = 0;        // size of the source file as read
  int64_t mtime = 0;         // seconds since the epoch
  std::string content_hash;  // store::content_hash of the raw bytes
  std::string encoding;      // source encoding the text was decoded from
  std::string title;         // title line shown in hit lists
  std::string text;          // original (OCR) text, NFC
  std::optional<std::string> restored;  // restored text (filled by the restorer)
  std::vector<UncertainToken> low_confidence;
  doc::Metadata metadata;                // read from the restored text (or the text)
  std::vector<doc::Citation> citations;  // offsets in the same text as the metadata
};

std::string encode_record(const DocumentRecord& record);

// Parses a record. Throws std::runtime_error naming the problem when `json`
// is not a record of a known version.
DocumentRecord decode_record(std::string_view json);

}  // namespace vn::store
