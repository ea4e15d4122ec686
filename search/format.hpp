// Printing search results: human-readable (ANSI highlight on a TTY) or JSON.
#pragma once
#include <cstdio>
#include <string>
#include <string_view>

#include "query/searcher.hpp"

namespace vn::search {

void print_human(std::FILE* out, const query::SearchResult& result, bool colour);
std::string to_json(const query::SearchRequest& request, const query::SearchResult& result);
// {"query": ..., "error": ...}, for a query of a batch that failed.
std::string error_json(std::string_view query, std::string_view error);

void print_human(std::FILE* out, const query::DocumentView& view);
std::string to_json(const query::DocumentView& view);

}  // namespace vn::search
