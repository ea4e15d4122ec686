// Running a query against an index: ranked hits with titles and snippets.
#pragma once
#include <xapian.h>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "query/query_parser.hpp"
#include "query/snippet.hpp"
#include "store/sidecar.hpp"

namespace vn::query {

struct SearchRequest {
  std::string query;
  size_t offset = 0;
  size_t limit = 10;
  DefaultOperator default_op = DefaultOperator::kAnd;
  size_t snippet_tokens = 30;
};

struct Hit {
  size_t rank = 0;        // 1-based, counting from the first result overall
  double score = 0;       // BM25 weight
  Xapian::docid docid = 0;
  std::string path;
  std::string title;
  Snippet snippet;
  std::string snippet_error;  // set when the sidecar record could not be read
};

struct SearchResult {
  std::vector<Hit> hits;
  Xapian::doccount estimated_total = 0;
  std::string xapian_query;  // Xapian's description of the compiled query
};

// Opening failures: no index at the path, or an unreadable/corrupt one.
class IndexError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Searcher {
 public:
  // Throws IndexError with a message naming `db` and the reason.
  explicit Searcher(std::filesystem::path db);

  // Throws QueryError for a bad query, IndexError when the index breaks.
  // Retries once on a concurrent modification by an indexer.
  SearchResult search(const SearchRequest& request);

  Xapian::doccount document_count() const { return db_.get_doccount(); }

 private:
  SearchResult run(const SearchRequest& request, const ParsedQuery& parsed);

  std::filesystem::path path_;
  Xapian::Database db_;
  store::SidecarReader sidecar_;
};

}  // namespace vn::query
