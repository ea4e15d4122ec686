// The small JSON blob kept as Xapian document data: enough to print a hit,
// to fetch its sidecar record and, for a record in chunks, to tell which
// chunk a snippet needs.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "store/sidecar.hpp"

namespace vn::store {

struct DocumentData {
  std::string path;
  std::string title;
  SidecarLocation sidecar;
  std::string content_hash;  // of the source bytes (store/content_hash.hpp); empty in old indexes
  // For a record in chunks, RecordChunk::positions_before of each chunk
  // (the first 0): chunk i holds positions (chunk_starts[i], chunk_starts[i + 1]].
  // Empty for a record of one frame.
  std::vector<uint32_t> chunk_starts;
};

std::string encode_document_data(const DocumentData& d);
// Throws std::runtime_error when `json` is not document data.
DocumentData decode_document_data(std::string_view json);

}  // namespace vn::store
