// What an index holds, read once when a run starts: for every indexed
// source path its document, content hash and sidecar location, and the
// paths by content (to recognise files that moved or were copied). The
// run decides from it, per file, whether anything needs doing.
#pragma once
#include <xapian.h>

#include <string>
#include <unordered_map>

#include "store/sidecar.hpp"

namespace vn::index {

struct IndexedDocument {
  std::string path;
  std::string content_hash;  // empty for documents indexed before hashes were kept
  store::SidecarLocation sidecar;
};

class IndexedState {
 public:
  // Reads every document's data. Documents whose data cannot be decoded
  // are left out (vnindex verify reports them).
  static IndexedState load(const Xapian::Database& db);

  // The document indexed for `path`, or null.
  const IndexedDocument* find(const std::string& path) const;
  // A document indexed with this content (any path), or null.
  const IndexedDocument* with_content(const std::string& content_hash) const;
  const std::unordered_map<std::string, IndexedDocument>& by_path() const { return by_path_; }
  bool empty() const { return by_path_.empty(); }

 private:
  std::unordered_map<std::string, IndexedDocument> by_path_;
  std::unordered_map<std::string, const IndexedDocument*> by_content_;
};

}  // namespace vn::index
