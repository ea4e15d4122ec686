#include "store/fields.hpp"

#include <array>
#include <cstdio>
#include <utility>

#include "doc/citations.hpp"
#include "store/schema.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "text/whitespace.hpp"
#include "vi/fold.hpp"

namespace vn::store::fields {
namespace {

using vi::folded_lower;

using text::all_digits;

// Abbreviation (folded, lower case) -> type name folded without spaces.
constexpr std::array<std::pair<std::string_view, std::string_view>, 13> kTypeAbbreviations = {{
    {"bc", "baocao"}, {"nq", "nghiquyet"}, {"kl", "ketluan"}, {"qd", "quyetdinh"}, {"cv", "congvan"},
    {"kh", "kehoach"}, {"ttr", "totrinh"}, {"tb", "thongbao"}, {"ct", "chithi"}, {"hd", "huongdan"},
    {"qdi", "quydinh"}, {"gm", "giaymoi"}, {"pa", "phuongan"},
}};


// `prefix` + `value` folded, white space collapsed. Empty when the value is
// empty or the term would be too long.
std::string metadata_term(std::string_view prefix, std::string_view value) {
  const std::string f = text::collapse_whitespace(folded_lower(value));
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
  std::string key = folded_lower(type);
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
  return prefixed_words(schema::kIssuerPrefix, folded_lower(words));
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

namespace {

int days_in_month(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// "YYYYMMDD", or "" when the date does not exist.
std::string slot_date(int year, int month, int day) {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return {};
  char buf[9];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, month, day);
  return buf;
}

int number(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

}  // namespace

std::string date_bound(std::string_view bound, bool upper) {
  if (bound.empty()) return upper ? "99999999" : "00000000";
  auto digits_at = [&](size_t at, size_t n) { return at + n <= bound.size() && all_digits(bound.substr(at, n)); };
  if (bound.size() == 4 && digits_at(0, 4)) return std::string(bound) + (upper ? "1231" : "0101");
  if (bound.size() == 7 && digits_at(0, 4) && bound[4] == '-' && digits_at(5, 2)) {  // YYYY-MM
    const int year = number(bound.substr(0, 4)), month = number(bound.substr(5, 2));
    if (month < 1 || month > 12) return {};
    return slot_date(year, month, upper ? days_in_month(year, month) : 1);
  }
  if (bound.size() == 10 && digits_at(0, 4) && bound[4] == '-' && digits_at(5, 2) && bound[7] == '-' && digits_at(8, 2))
    return slot_date(number(bound.substr(0, 4)), number(bound.substr(5, 2)), number(bound.substr(8, 2)));
  // D/M/YYYY as Vietnamese documents write dates (also with '.' or '-').
  const size_t a = bound.find_first_of("/.-");
  const size_t b = a == std::string_view::npos ? a : bound.find(bound[a], a + 1);
  if (b == std::string_view::npos || a == 0 || a > 2 || b - a - 1 == 0 || b - a - 1 > 2 || bound.size() - b - 1 != 4 ||
      !digits_at(0, a) || !digits_at(a + 1, b - a - 1) || !digits_at(b + 1, 4))
    return {};
  return slot_date(number(bound.substr(b + 1)), number(bound.substr(a + 1, b - a - 1)), number(bound.substr(0, a)));
}

}  // namespace vn::store::fields
