#include "index/indexed_state.hpp"

#include "store/document_data.hpp"

namespace vn::index {

IndexedState IndexedState::load(const Xapian::Database& db) {
  IndexedState state;
  state.by_path_.reserve(db.get_doccount());
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    try {
      store::DocumentData d = store::decode_document_data(db.get_document(*it).get_data());
      IndexedDocument doc{d.path, std::move(d.content_hash), std::move(d.sidecar)};
      state.by_path_.insert_or_assign(std::move(d.path), std::move(doc));
    } catch (const std::runtime_error&) {
      // not ours to judge here: verify reports it, the run rewrites the path
    }
  }
  for (const auto& [path, doc] : state.by_path_)
    if (!doc.content_hash.empty()) state.by_content_.emplace(doc.content_hash, &doc);
  return state;
}

const IndexedDocument* IndexedState::find(const std::string& path) const {
  const auto it = by_path_.find(path);
  return it == by_path_.end() ? nullptr : &it->second;
}

const IndexedDocument* IndexedState::with_content(const std::string& content_hash) const {
  const auto it = by_content_.find(content_hash);
  return it == by_content_.end() ? nullptr : it->second;
}

}  // namespace vn::index
