#include "query/snippet_chunk.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "store/schema.hpp"

namespace vn::query {
namespace {

// The term whose positions find a word: its folded term (exact terms
// have no positions, store/postings.hpp).
std::string term_of(const QueryWord& w) { return std::string(store::schema::kFoldedPrefix) + w.folded; }

// The chunk holding position `pos` (>= 1): chunk i holds (starts[i], starts[i + 1]].
size_t chunk_of(const std::vector<uint32_t>& starts, Xapian::termpos pos) {
  const auto after = std::upper_bound(starts.begin(), starts.end(), pos - 1);
  return after == starts.begin() ? 0 : static_cast<size_t>(after - starts.begin()) - 1;
}

}  // namespace

size_t snippet_chunk(const Xapian::Database& db, Xapian::docid id, const std::vector<uint32_t>& chunk_starts,
                     const std::vector<QueryWord>& words) {
  std::vector<size_t> distinct(chunk_starts.size(), 0);
  std::set<std::string> terms;
  for (const QueryWord& w : words) {
    const std::string term = term_of(w);
    if (term.empty() || !terms.insert(term).second) continue;
    for (auto it = db.positionlist_begin(id, term); it != db.positionlist_end(id, term);) {
      const size_t c = chunk_of(chunk_starts, *it);
      ++distinct[c];
      if (c + 1 >= chunk_starts.size()) break;
      it.skip_to(chunk_starts[c + 1] + 1);  // the next chunk's first position
    }
  }
  return distinct.empty() ? 0 : static_cast<size_t>(std::max_element(distinct.begin(), distinct.end()) - distinct.begin());
}

}  // namespace vn::query
