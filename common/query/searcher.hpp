// Running a query against an index: ranked hits with titles and snippets.
#pragma once
#include <xapian.h>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "query/facet_counter.hpp"
#include "query/query_parser.hpp"
#include "query/shard_set.hpp"
#include "query/snippet.hpp"
#include "query/sort_order.hpp"
#include "store/document_data.hpp"
#include "store/sidecar.hpp"

namespace vn::restore {
class Restorer;
}

namespace vn::query {

struct SearchRequest {
  std::string query;
  size_t offset = 0;
  size_t limit = 10;
  DefaultOperator default_op = DefaultOperator::kAnd;
  size_t snippet_tokens = 30;
  bool restore_query = true;  // read unaccented words with the restorer too
  std::string from, to;       // date range (YYYY or YYYY-MM-DD; empty: open)
  SortOrder sort = SortOrder::kRelevance;
  std::vector<std::string> facets;  // of type, year, issuer
  bool all_copies = false;  // list byte-identical documents each (else one hit, Hit::copies)
  // Read each hit's sidecar record for its snippet, metadata and
  // citations; false: path, title, rank and score only (from the index).
  bool read_records = true;
  // When the query's matches do not fill the page, fill it with its
  // approximate matches (ParsedQuery::approximate), after all of them.
  bool approximate = true;
};

struct Hit {
  size_t rank = 0;        // 1-based, counting from the first result overall
  double score = 0;       // BM25 weight
  Xapian::docid docid = 0;
  // Other indexed documents with the same bytes, shown as this one hit:
  // those ranked near it (copies score alike), so at least this many; 0
  // with SearchRequest::all_copies and in indexes without content hashes.
  Xapian::doccount copies = 0;
  // Matches the query only with one word of a phrase or of the words
  // differing (SearchRequest::approximate): shown after every match.
  bool approximate = false;
  std::string path;
  std::string title;
  Snippet snippet;
  std::string snippet_error;  // set when the sidecar record could not be read
  doc::Metadata metadata;     // from the sidecar record
  std::vector<doc::Citation> citations;
};

struct SearchResult {
  std::vector<Hit> hits;
  Xapian::doccount estimated_total = 0;
  Xapian::doccount approximate_total = 0;  // estimated; counted only when the page reached them
  std::string xapian_query;    // Xapian's description of the compiled query
  std::string restored_query;  // the restorer's reading of the query words ("" when not restored)
  std::string restore_error;   // why the query could not be restored, when it could not
  // Per requested facet, its values over all matching documents, most frequent first.
  std::vector<std::pair<std::string, std::vector<FacetValue>>> facets;
};

// One document with its metadata and its place in the citation graph.
struct DocumentView {
  std::string path;
  std::string title;
  store::DocumentRecord record;  // metadata, citations; the text only when the record is one frame
  struct Link {
    std::string key;    // citation key ("NQ 18-NQ/TW"); empty for citing documents
    std::string path;   // the indexed document, when there is one
    std::string title;
  };
  std::vector<Link> cites;     // what it cites, resolved against the index where possible
  std::vector<Link> cited_by;  // indexed documents that cite its code
};

// One document's whole text, a record in chunks joined again.
struct DocumentText {
  std::string path;
  std::string original;                 // the OCR text as indexed (decoded, NFC)
  std::optional<std::string> restored;  // its restoration; std::nullopt when not restored
  // Tokens restored with low confidence, in order: offset and length in
  // bytes of the OCR token in `original` (not in *restored), and the
  // token's restoration (UncertainToken::restored). Empty when not restored.
  std::vector<store::UncertainToken> low_confidence;
};

class Searcher {
 public:
  // Throws IndexError with a message naming `db` and the reason. The
  // restoration models are loaded on the first query that needs them.
  explicit Searcher(std::filesystem::path db, std::filesystem::path models = {});
  // Searches the shards as one index (query/shard_set.hpp).
  explicit Searcher(std::vector<ShardAddress> shards, std::filesystem::path models = {});
  ~Searcher();

  // Throws QueryError for a bad query, IndexError when the index breaks.
  // Consistent beside a running writer: sees one committed revision, and
  // starts again on the newest one when writers changed the index under it
  // (Xapian::DatabaseModifiedError, or records a compaction moved).
  SearchResult search(const SearchRequest& request);

  Xapian::doccount document_count() const { return db().get_doccount(); }

  // The document with this source path or this code (its own "Số" code).
  // Throws QueryError when no indexed document has it.
  DocumentView describe(std::string_view code_or_path);

  // The whole text of the document describe() finds for `code_or_path`:
  // memory of the order of its text, even for a record in chunks. Throws
  // QueryError like describe(), std::runtime_error when its record cannot
  // be read.
  DocumentText document_text(std::string_view code_or_path);

 private:
  // What the pass over Xapian found for a hit: its document data, the
  // reader of its record, and for a record in chunks the chunk its snippet
  // comes from.
  struct Located {
    store::DocumentData data;
    std::shared_ptr<const store::SidecarReader> records;  // set for the hits shown
    size_t chunk = 0;
    std::string error;  // the document data is unreadable
  };
  // The document with this source path or code, with its records.
  // Throws QueryError when no indexed document has it.
  Located find_document(std::string_view code_or_path);
  SearchResult run(const SearchRequest& request, const ParsedQuery& parsed);
  // How far one listing went: its estimated matches, and whether it ran
  // out of matches within the ranks asked for; then `count`, the hits it
  // holds in all (byte-identical documents counted once unless all_copies).
  struct Listing {
    Xapian::doccount estimated = 0;
    bool exhausted = false;
    size_t count = 0;
  };
  // Appends the hits of `query` at [offset, offset + limit) to `hits`,
  // ranked from `first_rank` + offset + 1.
  Listing list(const Xapian::Query& query, const SearchRequest& request, const ParsedQuery& parsed, size_t offset,
               size_t limit, size_t first_rank, std::vector<Hit>& hits);
  // A hit to show: its index in the MSet, how many copies of it the MSet
  // holds besides, and its document data, decoded (chunk not yet set).
  struct Shown {
    Xapian::doccount index = 0;
    Xapian::doccount copies = 0;
    Located located;
  };
  // The document data of one rank, decoded once, or why it cannot be.
  static Located decoded_data(const Xapian::MSetIterator& it);
  const Xapian::Database& db() const { return shards_.database(); }
  // The ranks [offset, offset + limit), each shown.
  static Xapian::MSet ranks(Xapian::Enquire& enquire, size_t offset, size_t limit, std::vector<Shown>& shown,
                            Listing& listing);
  // Ranks from the first, enough to show contents [offset, offset + limit)
  // once each: byte-identical documents (same content hash) are one hit.
  static Xapian::MSet distinct_ranks(Xapian::Enquire& enquire, size_t offset, size_t limit, std::vector<Shown>& shown,
                                     Listing& listing);
  // The values of the named facets over every match of `query`; sets `total` to the exact match count.
  std::vector<std::pair<std::string, std::vector<FacetValue>>> count_facets(const Xapian::Query& query,
                                                                            const std::vector<std::string>& names,
                                                                            Xapian::doccount& total) const;
  // Sets located.chunk: for a record in chunks, the chunk whose positions
  // hold most of the query words.
  void locate_chunk(Xapian::docid docid, const ParsedQuery& parsed, Located& located) const;
  // The hit's path, title, metadata and snippet, from what was located
  // and the sidecar record (no Xapian access): its header, and the one
  // chunk of a record in chunks. snippet_error says why not.
  void fill_hit(const Located& located, const ParsedQuery& parsed, const SearchRequest& request, Hit& hit) const;
  // Documents holding `term`, at most `limit`.
  std::vector<Xapian::docid> documents_with(const std::string& term, Xapian::doccount limit);

  const restore::Restorer* restorer(std::string& error);

  ShardSet shards_;
  std::filesystem::path models_;
  std::unique_ptr<restore::Restorer> restorer_;
  bool restorer_tried_ = false;
};

}  // namespace vn::query
