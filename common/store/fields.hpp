// Metadata field values as index terms and slot values, in both
// directions: indexing encodes a document's doc::Metadata and citations
// with these functions, and the query filters (type:, code:, ...) encode
// what a user types with the same ones, so a filter finds what was indexed.
// The prefixes and slots themselves are named in store/schema.hpp.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace vn::store::fields {

// kTypePrefix + the type folded (lower case, no diacritics) without spaces:
// a name with or without diacritics ("BÁO CÁO", "bao cao") or its
// abbreviation (BC, NQ, KL, QĐ, CV, KH, TTr, TB, CT, HD, QĐi) all give
// "XKbaocao". Empty only for an empty `type`.
std::string type_term(std::string_view type);

// kCodePrefix + the code with OCR-damaged Đ abbreviations repaired
// (doc::normalize_code), folded: "103-BC/ĐU" and "103-BC/DU" both give
// "XC103-bc/du". Empty when the code is empty or the term would be too long.
std::string code_term(std::string_view code);

// The same for the code of a cited document, under kCitesPrefix
// ("18-NQ/TW" -> "XR18-nq/tw"). doc::Citation::code is already repaired;
// repairing again leaves it as it is.
std::string cites_term(std::string_view code);

// kIssuerPrefix + each word of the issuing body folded ("ỦY BAN NHÂN DÂN
// TỈNH" -> "XIuy", "XIban", "XInhan", "XIdan", "XItinh"), in order.
// Of the issuer as written in a document: any run of white space or control
// characters separates words, and an issuer whose folded form is longer
// than kMaxTermBytes gives no terms.
std::vector<std::string> issuer_terms(std::string_view issuer);
// Of issuer words as typed in a query: only spaces separate words (a tab
// stays inside its word), with no length limit.
std::vector<std::string> issuer_query_terms(std::string_view words);

// The year of a document date ("2025-08-06", or "2025-10" when OCR lost
// the day): "2025", also the year facet value (kSlotYear). Empty when the
// date is unknown (shorter than "YYYY-MM").
std::string date_year(std::string_view iso_date);

// kYearPrefix + a year as four digits ("2025" -> "XY2025").
std::string year_term(std::string_view year);

// The date slot value (kSlotDate) of a document date: "YYYYMMDD", with day
// "00" when OCR lost it ("2025-10" -> "20251000", first in its month).
// Empty when the date is unknown (see date_year).
std::string date_slot_value(std::string_view iso_date);

// The date slot value a range of dates ends at: a year as the lower bound
// "2024" -> "20240101", as the upper one "20241231"; a month "2024-02" ->
// "20240201" or "20240229"; an ISO date "2024-03-05" or one written as in
// Vietnamese documents, day first, "5/3/2024" (also 05.03.2024, 5-3-2024)
// -> "20240305"; an open end "" -> "00000000" or "99999999". Empty when
// `bound` is none of these or names no real day ("2025-13-45", "30/2/2024").
std::string date_bound(std::string_view bound, bool upper);

}  // namespace vn::store::fields
