#include "query/field_filter.hpp"

#include <array>
#include <string>
#include <vector>

#include "doc/citations.hpp"
#include "query/query_parser.hpp"
#include "store/schema.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "vi/fold.hpp"

namespace vn::query {
namespace {

using text::all_digits;

namespace schema = store::schema;

// Abbreviation (folded, lower case) -> type name folded without spaces.
constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kTypeAbbreviations = {{
    {"bc", "baocao"}, {"nq", "nghiquyet"}, {"kl", "ketluan"}, {"qd", "quyetdinh"}, {"cv", "congvan"},
    {"kh", "kehoach"}, {"ttr", "totrinh"}, {"tb", "thongbao"}, {"ct", "chithi"}, {"hd", "huongdan"},
    {"qdi", "quydinh"},
}};

std::string folded(std::string_view s) { return text::to_lower(vi::fold(s)); }

Xapian::Query term(const std::string& t) {
  if (t.empty()) throw QueryError("empty filter value");
  return Xapian::Query(t);
}

// "2024" -> "20240101" (from) or "20241231" (to); "2024-03-05" -> "20240305".
std::string date_bound(std::string_view d, bool to) {
  if (d.size() == 4 && all_digits(d)) return std::string(d) + (to ? "1231" : "0101");
  if (d.size() == 10 && d[4] == '-' && d[7] == '-' && all_digits(d.substr(0, 4)) && all_digits(d.substr(5, 2)) &&
      all_digits(d.substr(8, 2)))
    return std::string(d.substr(0, 4)) + std::string(d.substr(5, 2)) + std::string(d.substr(8, 2));
  throw QueryError("a date must be YYYY or YYYY-MM-DD, not \"" + std::string(d) + "\"");
}

std::pair<std::string_view, std::string_view> split_range(std::string_view v) {
  const size_t dots = v.find("..");
  if (dots == std::string_view::npos) return {v, v};
  return {v.substr(0, dots), v.substr(dots + 2)};
}

Xapian::Query type_query(std::string_view value) {
  std::string key = folded(value);
  std::erase(key, ' ');
  for (const auto& [abbr, name] : kTypeAbbreviations)
    if (key == abbr) key = name;
  return term(std::string(schema::kTypePrefix) + key);
}

Xapian::Query issuer_query(std::string_view value) {
  std::vector<Xapian::Query> words;
  const std::string f = folded(value);
  for (size_t start = 0; start < f.size();) {
    size_t end = f.find(' ', start);
    if (end == std::string::npos) end = f.size();
    if (end > start) words.push_back(term(std::string(schema::kIssuerPrefix) + f.substr(start, end - start)));
    start = end + 1;
  }
  if (words.empty()) throw QueryError("issuer: needs a word");
  return Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
}

Xapian::Query year_query(std::string_view value) {
  const auto [from, to] = split_range(value);
  if (!all_digits(from) || !all_digits(to) || from.size() != 4 || to.size() != 4)
    throw QueryError("year: needs YYYY or YYYY..YYYY");
  std::vector<Xapian::Query> years;
  for (int y = std::stoi(std::string(from)); y <= std::stoi(std::string(to)); ++y)
    years.push_back(Xapian::Query(std::string(schema::kYearPrefix) + std::to_string(y)));
  if (years.empty()) throw QueryError("year: the range is empty");
  return Xapian::Query(Xapian::Query::OP_OR, years.begin(), years.end());
}

}  // namespace

bool is_filter_field(std::string_view name) {
  return name == "type" || name == "code" || name == "issuer" || name == "year" || name == "cites" || name == "date";
}

Xapian::Query date_range_query(std::string_view from, std::string_view to) {
  const std::string lo = from.empty() ? std::string("00000000") : date_bound(from, false);
  const std::string hi = to.empty() ? std::string("99999999") : date_bound(to, true);
  if (lo > hi) throw QueryError("the date range is empty: " + std::string(from) + " is after " + std::string(to));
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, lo, hi);
}

Xapian::Query filter_query(std::string_view field, std::string_view value) {
  if (value.empty()) throw QueryError(std::string(field) + ": needs a value");
  if (field == "type") return type_query(value);
  if (field == "code") return term(schema::metadata_term(schema::kCodePrefix, doc::normalize_code(value)));
  if (field == "cites") return term(schema::metadata_term(schema::kCitesPrefix, doc::normalize_code(value)));
  if (field == "issuer") return issuer_query(value);
  if (field == "year") return year_query(value);
  if (field == "date") {
    const auto [from, to] = split_range(value);
    return date_range_query(from, to);
  }
  throw QueryError("unknown field " + std::string(field));
}

}  // namespace vn::query
