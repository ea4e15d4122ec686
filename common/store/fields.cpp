#include "store/fields.hpp"

#include <array>
#include <utility>

#include "doc/citations.hpp"
#include "store/schema.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "text/whitespace.hpp"
#include "vi/fold.hpp"

namespace vn::store::fields {
namespace {

using text::all_digits;

// Abbreviation (folded, lower case) -> type name folded without spaces.
constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kTypeAbbreviations = {{
    {"bc", "baocao"}, {"nq", "nghiquyet"}, {"kl", "ketluan"}, {"qd", "quyetdinh"}, {"cv", "congvan"},
    {"kh", "kehoach"}, {"ttr", "totrinh"}, {"tb", "thongbao"}, {"ct", "chithi"}, {"hd", "huongdan"},
    {"qdi", "quydinh"},
}};

std::string folded(std::string_view s) { return text::to_lower(vi::fold(s)); }

// `prefix` + `value` folded, white space collapsed. Empty when the value is
// empty or the term would be too long.
std::string metadata_term(std::string_view prefix, std::string_view value) {
  const std::string f = text::collapse_whitespace(folded(value));
  if (f.empty() || prefix.size() + f.size() > schema::kMaxTermBytes) return {};
  return std::string(prefix) + f;
}

// `prefix` + each space-separated word of `s`.
std::vector<std::string> prefixed_words(std::string_view prefix, std::string_view s) {
  std::vector<std::string> out;
  for (size_t start = 0; start < s.size();) {
    size_t end = s.find(' ', start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) out.push_back(std::string(prefix) + std::string(s.substr(start, end - start)));
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string type_term(std::string_view type) {
  if (type.empty()) return {};
  std::string key = folded(type);
  std::erase(key, ' ');
  for (const auto& [abbr, name] : kTypeAbbreviations)
    if (key == abbr) key = name;
  return std::string(schema::kTypePrefix) + key;
}

std::string code_term(std::string_view code) { return metadata_term(schema::kCodePrefix, doc::normalize_code(code)); }

std::string cites_term(std::string_view code) { return metadata_term(schema::kCitesPrefix, doc::normalize_code(code)); }

std::vector<std::string> issuer_terms(std::string_view issuer) {
  // Folded as one term would be, so that an issuer too long for one gives none.
  return prefixed_words(schema::kIssuerPrefix, metadata_term("", issuer));
}

std::vector<std::string> issuer_query_terms(std::string_view words) {
  return prefixed_words(schema::kIssuerPrefix, folded(words));
}

std::string date_year(std::string_view iso_date) {
  return iso_date.size() >= 7 ? std::string(iso_date.substr(0, 4)) : std::string();
}

std::string year_term(std::string_view year) { return std::string(schema::kYearPrefix) + std::string(year); }

std::string date_slot_value(std::string_view iso_date) {
  if (iso_date.size() < 7) return {};
  return std::string(iso_date.substr(0, 4)) + std::string(iso_date.substr(5, 2)) +
         (iso_date.size() == 10 ? std::string(iso_date.substr(8, 2)) : std::string("00"));
}

std::string date_bound(std::string_view bound, bool upper) {
  if (bound.empty()) return upper ? "99999999" : "00000000";
  if (bound.size() == 4 && all_digits(bound)) return std::string(bound) + (upper ? "1231" : "0101");
  if (bound.size() == 10 && bound[4] == '-' && bound[7] == '-' && all_digits(bound.substr(0, 4)) &&
      all_digits(bound.substr(5, 2)) && all_digits(bound.substr(8, 2)))
    return std::string(bound.substr(0, 4)) + std::string(bound.substr(5, 2)) + std::string(bound.substr(8, 2));
  return {};
}

}  // namespace vn::store::fields
