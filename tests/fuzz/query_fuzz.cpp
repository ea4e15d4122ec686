// Fuzz target: vnsearch's query language (query/query_parser.hpp) and its
// metadata filters (query/field_filter.hpp). QueryError is the documented
// error channel for bad queries; any other exception escapes and is a
// finding (libFuzzer reports it as a crash).
#include <tbb/global_control.h>

#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_check.hpp"
#include "query/field_filter.hpp"
#include "query/query_parser.hpp"
#include "restore/restorer.hpp"

#ifndef VNARCHIVE_MODELS_DIR
#error "VNARCHIVE_MODELS_DIR must name the models/ directory"
#endif

namespace {

using vn::fuzz::valid_utf8;
using vn::query::DefaultOperator;
using vn::query::QueryError;

constexpr size_t kMaxQuery = 4096;
constexpr size_t kMaxRestoredQuery = 512;  // restoring is the slow part; real queries are short

const vn::restore::Restorer& restorer() {
  static tbb::global_control threads(tbb::global_control::max_allowed_parallelism, 1);
  static const std::unique_ptr<vn::restore::Restorer> r = vn::restore::Restorer::load(VNARCHIVE_MODELS_DIR);
  return *r;
}

void parse(std::string_view q, DefaultOperator op, const vn::restore::Restorer* r) {
  try {
    const vn::query::ParsedQuery p = vn::query::parse_query(q, op, r);
    FUZZ_CHECK(valid_utf8(q));
    FUZZ_CHECK(!p.query.empty());
    (void)p.query.get_description();
    for (const vn::query::QueryWord& w : p.words) FUZZ_CHECK(valid_utf8(w.exact) && valid_utf8(w.folded));
    FUZZ_CHECK(valid_utf8(p.restored));
    if (!r) FUZZ_CHECK(p.restored.empty());
  } catch (const QueryError& e) {
    FUZZ_CHECK(e.what()[0] != '\0');
  }
  // Anything else propagates: a crash for libFuzzer.
}

void filter(std::string_view field, std::string_view value) {
  FUZZ_CHECK(vn::query::is_filter_field(field));
  try {
    // May be empty (Xapian's MatchNothing): date:2025..2020.
    (void)vn::query::filter_query(field, value).get_description();
  } catch (const QueryError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)restorer();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxQuery) return 0;
  const std::string_view q(reinterpret_cast<const char*>(data), size);
  const bool valid = valid_utf8(q);

  parse(q, DefaultOperator::kAnd, nullptr);
  parse(q, DefaultOperator::kOr, nullptr);
  if (valid && size <= kMaxRestoredQuery) parse(q, DefaultOperator::kAnd, &restorer());
  if (!valid) {
    bool threw = false;
    try {
      (void)vn::query::parse_query(q);
    } catch (const QueryError&) {
      threw = true;
    }
    FUZZ_CHECK(threw);  // documented: ill-formed UTF-8 is a QueryError
    return 0;
  }

  // Each filter on the whole input as its value (filters need valid UTF-8).
  for (std::string_view field : {"type", "code", "issuer", "year", "cites", "date"}) filter(field, q);
  FUZZ_CHECK(!vn::query::is_filter_field(q) || q == "type" || q == "code" || q == "issuer" || q == "year" ||
             q == "cites" || q == "date");
  // Date ranges with the input split at its first "..".
  const size_t dots = q.find("..");
  try {
    if (dots == std::string_view::npos) (void)vn::query::date_range_query(q, q);
    else (void)vn::query::date_range_query(q.substr(0, dots), q.substr(dots + 2));
  } catch (const QueryError&) {
  }
  return 0;
}
