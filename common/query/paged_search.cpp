#include "query/paged_search.hpp"

#include <algorithm>

namespace vn::query {

void search_pages(Searcher& searcher, SearchRequest request, size_t limit, size_t batch,
                  const std::function<void(const SearchResult&)>& each) {
  batch = std::max<size_t>(batch, 1);
  for (size_t done = 0; done < limit;) {
    request.limit = std::min(batch, limit - done);
    const SearchResult page = searcher.search(request);
    each(page);
    done += page.hits.size();
    request.offset += page.hits.size();
    if (page.hits.size() < request.limit) break;  // the matches ran out
  }
}

}  // namespace vn::query
