// The end-of-run summary, for people (text) and for scripts (JSON).
#pragma once
#include <cstdio>
#include <string>

#include "index/pipeline.hpp"

namespace vn::indexer {

void print_summary(std::FILE* out, const index::IndexStats& stats);
std::string report_json(const index::IndexStats& stats, const index::IndexOptions& options);

}  // namespace vn::indexer
