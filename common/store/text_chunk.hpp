// A chunk of a huge document's text: the payload of one frame of a record
// in chunks (store/record.hpp), serialised as JSON: {"text", "restored"
// (or null), "low_confidence"}, or, for a restored chunk whose original
// text has a delta (store/text_delta.hpp), "delta" instead of "text"
// (written since record version 3; both forms are read).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/record.hpp"

namespace vn::store {

// Documents whose text is longer than this are stored in chunks of at most
// this much text each (the indexer cuts them at sentence ends where it
// can: index/chunked_document.hpp). A snippet then decompresses one chunk,
// whatever the document's size; every other record stays one frame.
inline constexpr size_t kChunkTextBytes = size_t{256} << 10;

struct TextChunk {
  std::string text;                     // this chunk of the original text, NFC
  std::optional<std::string> restored;  // its restoration, when the document was restored
  // Uncertain restorations in this chunk, at byte offsets in the whole text.
  std::vector<UncertainToken> low_confidence;
};

std::string encode_text_chunk(const TextChunk& chunk);
// Throws std::runtime_error when `json` is not a text chunk.
TextChunk decode_text_chunk(std::string_view json);

}  // namespace vn::store
