#include "query/searcher.hpp"

#include "restore/restorer.hpp"
#include "store/document_data.hpp"
#include "store/schema.hpp"

namespace vn::query {
namespace {

Xapian::Database open_database(const std::filesystem::path& db) {
  const auto dir = store::schema::xapian_dir(db);
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw IndexError("no index at " + db.string() + " (create one with: vnindex index --db " + db.string() + " INPUT...)");
  try {
    return Xapian::Database(dir.string());
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot open the index at " + db.string() + ": " + e.get_description());
  }
}

}  // namespace

Searcher::Searcher(std::filesystem::path db, std::filesystem::path models)
    : path_(db), models_(std::move(models)), db_(open_database(db)), sidecar_(store::schema::sidecar_dir(db)) {}

Searcher::~Searcher() = default;

const restore::Restorer* Searcher::restorer(std::string& error) {
  if (!restorer_tried_) {
    restorer_tried_ = true;
    try {
      restorer_ = restore::Restorer::load(models_.empty() ? restore::default_model_dir() : models_);
    } catch (const std::exception& e) {
      error = e.what();
    }
  }
  return restorer_.get();
}

SearchResult Searcher::search(const SearchRequest& request) {
  std::string restore_error;
  const restore::Restorer* r = request.restore_query ? restorer(restore_error) : nullptr;
  const ParsedQuery parsed = parse_query(request.query, request.default_op, r);
  try {
    SearchResult result;
    try {
      result = run(request, parsed);
    } catch (const Xapian::DatabaseModifiedError&) {
      db_.reopen();  // an indexer committed meanwhile: read the new revision
      result = run(request, parsed);
    }
    result.restored_query = parsed.restored;
    result.restore_error = restore_error;
    return result;
  } catch (const Xapian::Error& e) {
    throw IndexError("search failed on the index at " + path_.string() + ": " + e.get_description());
  }
}

SearchResult Searcher::run(const SearchRequest& request, const ParsedQuery& parsed) {
  Xapian::Enquire enquire(db_);
  enquire.set_query(parsed.query);
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                             static_cast<Xapian::doccount>(request.limit));
  SearchResult result;
  result.estimated_total = mset.get_matches_estimated();
  result.xapian_query = parsed.query.get_description();
  size_t rank = request.offset;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit;
    hit.rank = ++rank;
    hit.score = it.get_weight();
    hit.docid = *it;
    try {
      const store::DocumentData data = store::decode_document_data(it.get_document().get_data());
      hit.path = data.path;
      hit.title = data.title;
      const store::DocumentRecord record = sidecar_.read(data.sidecar);
      hit.snippet = make_snippet(record.restored ? *record.restored : record.text, parsed.words, request.snippet_tokens);
    } catch (const std::runtime_error& e) {
      hit.snippet_error = e.what();
    }
    result.hits.push_back(std::move(hit));
  }
  return result;
}

}  // namespace vn::query
