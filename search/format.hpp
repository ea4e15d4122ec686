// Printing search results: human-readable (ANSI highlight on a TTY), JSON,
// JSON Lines (one hit a line) or paths alone.
#pragma once
#include <cstdio>
#include <string>
#include <string_view>

#include "query/searcher.hpp"

namespace vn::search {

// Per hit: "RANK. [SCORE] PATH  DATE · type · CODE" (the metadata it has),
// then its title and snippet lines; then the count and the facets.
void print_human(std::FILE* out, const query::SearchResult& result, bool colour);
std::string to_json(const query::SearchRequest& request, const query::SearchResult& result);
// One hit as a line of JSON: {"query", and the fields of a hit of to_json}.
std::string hit_json(std::string_view query, const query::Hit& hit);
// The hits' paths, one a line: as stored (raw bytes), or terminal-safe
// (text::printable) when `terminal`.
void print_paths(std::FILE* out, const query::SearchResult& result, bool terminal);
// {"query": ..., "error": ...}, for a query of a batch that failed.
std::string error_json(std::string_view query, std::string_view error);

void print_human(std::FILE* out, const query::DocumentView& view);
std::string to_json(const query::DocumentView& view);

}  // namespace vn::search
