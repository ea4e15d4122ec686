#include "query/field_filter.hpp"

#include <string>
#include <utility>
#include <vector>

#include "query/query_parser.hpp"
#include "store/fields.hpp"
#include "store/schema.hpp"
#include "text/utf8.hpp"

namespace vn::query {
namespace {

using text::all_digits;

namespace fields = store::fields;

Xapian::Query term(const std::string& t) {
  if (t.empty()) throw QueryError("empty filter value");
  return Xapian::Query(t);
}

// The date slot value a range ends at (store/fields.hpp); `d` may be empty (open).
std::string date_bound(std::string_view d, bool upper) {
  std::string bound = fields::date_bound(d, upper);
  if (bound.empty())
    throw QueryError("\"" + std::string(d) + "\" is not a date: write YYYY, YYYY-MM, YYYY-MM-DD or DD/MM/YYYY (a real day)");
  return bound;
}

std::pair<std::string_view, std::string_view> split_range(std::string_view v) {
  const size_t dots = v.find("..");
  if (dots == std::string_view::npos) return {v, v};
  return {v.substr(0, dots), v.substr(dots + 2)};
}

Xapian::Query issuer_query(std::string_view value) {
  std::vector<Xapian::Query> words;
  for (const std::string& t : fields::issuer_query_terms(value)) words.push_back(term(t));
  if (words.empty()) throw QueryError("issuer: needs a word");
  return Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
}

Xapian::Query year_query(std::string_view value) {
  const auto [from, to] = split_range(value);
  if (!all_digits(from) || !all_digits(to) || from.size() != 4 || to.size() != 4)
    throw QueryError("year: needs YYYY or YYYY..YYYY");
  std::vector<Xapian::Query> years;
  for (int y = std::stoi(std::string(from)); y <= std::stoi(std::string(to)); ++y)
    years.push_back(Xapian::Query(fields::year_term(std::to_string(y))));
  if (years.empty()) throw QueryError("year: the range is empty");
  return Xapian::Query(Xapian::Query::OP_OR, years.begin(), years.end());
}

}  // namespace

bool is_filter_field(std::string_view name) {
  return name == "type" || name == "code" || name == "issuer" || name == "year" || name == "cites" || name == "date";
}

Xapian::Query date_range_query(std::string_view from, std::string_view to) {
  const std::string lo = date_bound(from, false);
  const std::string hi = date_bound(to, true);
  if (lo > hi) throw QueryError("the date range is empty: " + std::string(from) + " is after " + std::string(to));
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, store::schema::kSlotDate, lo, hi);
}

Xapian::Query filter_query(std::string_view field, std::string_view value) {
  if (value.empty()) throw QueryError(std::string(field) + ": needs a value");
  if (field == "type") return term(fields::type_term(value));
  if (field == "code") return term(fields::code_term(value));
  if (field == "cites") return term(fields::cites_term(value));
  if (field == "issuer") return issuer_query(value);
  if (field == "year") return year_query(value);
  if (field == "date") {
    const auto [from, to] = split_range(value);
    return date_range_query(from, to);
  }
  throw QueryError("unknown field " + std::string(field));
}

}  // namespace vn::query
