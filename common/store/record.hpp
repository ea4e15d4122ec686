// The sidecar record: everything about one source document that the index
// itself does not hold, serialised as JSON (RapidJSON).
//
// Most records are one JSON object, compressed as one frame. A restored
// document's record is version 3: it holds the restored text ("restored")
// and the original text as its difference from it ("delta",
// store/text_delta.hpp): the sidecar takes about 18 % fewer bytes than with both texts.
// Version 1 holds both texts as they are ("text", and "restored" or null):
// written for documents not restored, and for the rare restored text whose
// lines do not match the original's. The record of a document whose text
// is over store::kChunkTextBytes is a header (version 2: the same fields
// without the text) followed by its text in chunks (store/text_chunk.hpp),
// each its own frame, so that a reader needs to decompress only the chunk
// it shows. Every version stays readable: records are never rewritten.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doc/citations.hpp"
#include "doc/metadata.hpp"

namespace vn::store {

inline constexpr int kRecordVersion = 1;         // one frame, both texts included
inline constexpr int kChunkedRecordVersion = 2;  // a header frame, then text chunk frames
inline constexpr int kDeltaRecordVersion = 3;    // one frame, restored text and the original's delta

// A restored token the restorer was unsure of (byte offsets in `text`).
struct UncertainToken {
  uint32_t offset = 0;
  uint32_t length = 0;
  std::string restored;
  float confidence = 0;
};

// Other readings of one restored token that the restorer was unsure of,
// indexed at the token's position (store::add_text_postings).
struct ReadingAlternatives {
  uint32_t offset = 0;                // byte offset of the token in the restored text
  std::vector<std::string> readings;  // syllables, lower case, the likelier first
};

// One text chunk of a record in chunks, as its header lists it.
struct RecordChunk {
  uint64_t frame_bytes = 0;       // length of the chunk's frame (frames follow the header in order)
  uint32_t positions_before = 0;  // index positions of the searchable text before the chunk
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
  std::vector<ReadingAlternatives> alternatives;  // by offset; none in a record in chunks
  doc::Metadata metadata;                // read from the restored text (or the text)
  std::vector<doc::Citation> citations;  // offsets in the same text as the metadata; in a record in
                                         // chunks, each cited document once (index/chunked_document.cpp)
  // Empty: text, restored and low_confidence are all here (one frame).
  // Else the record's header: text and low_confidence are empty, restored
  // is "" when the document was restored (std::nullopt when not), and the
  // text is in these chunks, in order.
  std::vector<RecordChunk> chunks;
};

// Version 3 for a restored record whose original text has a delta
// (store/text_delta.hpp), else version 1; the version 2 header for a
// record in chunks.
std::string encode_record(const DocumentRecord& record);

// Parses a record or a record header. Throws std::runtime_error naming the
// problem when `json` is not a record of a known version.
DocumentRecord decode_record(std::string_view json);

}  // namespace vn::store
