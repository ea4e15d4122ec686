// Listing every match of a query a page at a time (exports: --jsonl,
// --paths), so that memory holds one page whatever the number of matches.
#pragma once
#include <cstddef>
#include <functional>

#include "query/searcher.hpp"

namespace vn::query {

// Runs `request` in pages of `batch` hits from request.offset on (its
// limit is ignored), until `limit` hits have been passed to `each` or the
// matches run out; `each` gets every page's result as it comes, ranks
// counting on across pages. Each page is a search of its own, so a writer
// committing between two pages may shift ranks (a hit then shows twice or
// not at all). Throws as Searcher::search does.
void search_pages(Searcher& searcher, SearchRequest request, size_t limit, size_t batch,
                  const std::function<void(const SearchResult&)>& each);

}  // namespace vn::query
