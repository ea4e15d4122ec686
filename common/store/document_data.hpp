// The small JSON blob kept as Xapian document data: enough to print a hit
// and to fetch its sidecar record.
#pragma once
#include <string>
#include <string_view>

#include "store/sidecar.hpp"

namespace vn::store {

struct DocumentData {
  std::string path;
  std::string title;
  SidecarLocation sidecar;
  std::string content_hash;  // of the source bytes (store/content_hash.hpp); empty in old indexes
};

std::string encode_document_data(const DocumentData& d);
// Throws std::runtime_error when `json` is not document data.
DocumentData decode_document_data(std::string_view json);

}  // namespace vn::store
