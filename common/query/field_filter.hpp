// Metadata filters of the query language: type:, code:, issuer:, year:,
// cites: and date:, compiled to boolean Xapian queries over the metadata
// terms and slots of store/schema.hpp, with values encoded as indexing
// encodes them (store/fields.hpp).
#pragma once
#include <xapian.h>

#include <string_view>

namespace vn::query {

// True for the field names above.
bool is_filter_field(std::string_view name);

// The filter for `field:value`:
//   type:    a type name with or without diacritics ("báo cáo", "bao cao")
//            or its abbreviation (BC, NQ, KL, QĐ, CV, KH, TTr, TB, CT, HD)
//   code:    the document's own code ("103-BC/ĐU"; OCR'd "ĐU" as "DU" too)
//   issuer:  words of the issuing body, all required ("lạng sơn")
//   year:    2025, or a range 2023..2025
//   cites:   the code of a cited document ("18-NQ/TW")
//   date:    a range of ISO dates or years: 2023..2025, 2024-01-01..2024-06-30
//            (either end may be left open: 2024.., ..2023)
// Throws QueryError for an empty or malformed value.
Xapian::Query filter_query(std::string_view field, std::string_view value);

// A date range filter over the date slot; bounds are ISO dates or years, or
// empty for open ends. Throws QueryError when a bound is malformed or the
// range is empty (FROM after TO).
Xapian::Query date_range_query(std::string_view from, std::string_view to);

}  // namespace vn::query
