#include "doc/issuer.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include "doc/gazetteer.hpp"
#include "text/edits.hpp"
#include "text/normalize.hpp"
#include "text/split.hpp"
#include "text/utf8.hpp"
#include "text/whitespace.hpp"
#include "vi/fold.hpp"

namespace vn::doc {
namespace {

using vi::folded_lower;

// Fixed phrases of issuing bodies, longest first among those sharing a start.
constexpr std::array<std::string_view, 43> kPhrases = {
    "ỦY BAN NHÂN DÂN THÀNH PHỐ", "ỦY BAN NHÂN DÂN TỈNH",     "ỦY BAN NHÂN DÂN HUYỆN",   "ỦY BAN NHÂN DÂN QUẬN",
    "ỦY BAN NHÂN DÂN THỊ XÃ",    "ỦY BAN NHÂN DÂN XÃ",       "ỦY BAN NHÂN DÂN PHƯỜNG",  "ỦY BAN NHÂN DÂN THỊ TRẤN",
    "ỦY BAN NHÂN DÂN",           "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ", "HỘI ĐỒNG NHÂN DÂN TỈNH", "HỘI ĐỒNG NHÂN DÂN HUYỆN",
    "HỘI ĐỒNG NHÂN DÂN QUẬN",    "HỘI ĐỒNG NHÂN DÂN THỊ XÃ", "HỘI ĐỒNG NHÂN DÂN XÃ",    "HỘI ĐỒNG NHÂN DÂN PHƯỜNG",
    "HỘI ĐỒNG NHÂN DÂN THỊ TRẤN", "HỘI ĐỒNG NHÂN DÂN",      "ỦY BAN KIỂM TRA",         "ĐẢNG BỘ THÀNH PHỐ",
    "ĐẢNG BỘ TỈNH",              "ĐẢNG BỘ HUYỆN",            "ĐẢNG BỘ QUẬN",            "ĐẢNG BỘ XÃ",
    "ĐẢNG BỘ",                   "ĐẢNG ỦY XÃ",               "ĐẢNG ỦY PHƯỜNG",          "ĐẢNG ỦY THỊ TRẤN",
    "ĐẢNG ỦY",                   "TỈNH ỦY",                  "HUYỆN ỦY",                "THÀNH ỦY",
    "THỊ ỦY",                    "QUẬN ỦY",                  "BAN THƯỜNG VỤ",           "BAN CHẤP HÀNH",
    "BAN TỔ CHỨC",               "BAN TUYÊN GIÁO",           "BAN DÂN VẬN",             "VĂN PHÒNG",
    "MẶT TRẬN TỔ QUỐC",          "CHÍNH PHỦ",                "QUỐC HỘI",
};



// Equal, or (both of 4+ bytes) one edit apart.
bool near(std::string_view a, std::string_view b) {
  return a == b || (a.size() >= 4 && b.size() >= 4 && text::within_one_edit(a, b));
}

struct Phrase {
  std::vector<std::string> words, folded;
};

// How many of the folded words from `at` read as the phrase, or 0. A word
// may be near its phrase word, or near several phrase words that OCR glued
// ("holdong", "bannhandan"); one short word of a phrase of several may be
// one edit off ("bq", "boq" for "bo") when the phrase's other words match.
size_t match_phrase(const std::vector<std::string>& folded, size_t at, const Phrase& p) {
  size_t j = at, loose = 0;
  for (size_t k = 0; k < p.folded.size(); ++j) {
    if (j == folded.size()) return 0;
    if (near(folded[j], p.folded[k])) {
      ++k;
      continue;
    }
    std::string glued = p.folded[k];
    size_t g = k + 1;
    while (g < p.folded.size() && !near(folded[j], glued)) glued += p.folded[g++];
    if (g > k + 1 && folded[j].size() >= glued.size() && near(folded[j], glued)) {  // glued, no letter lost
      k = g;
      continue;
    }
    if (loose++ > 0 || p.folded.size() < 2 || !text::within_one_edit(folded[j], p.folded[k])) return 0;
    ++k;
  }
  return j - at;
}

const std::vector<Phrase>& phrases() {
  static const std::vector<Phrase> all = [] {
    std::vector<Phrase> v;
    for (std::string_view p : kPhrases) {
      Phrase ph;
      for (std::string_view w : text::split(p, ' ')) ph.words.emplace_back(w);
      for (const auto& w : ph.words) ph.folded.push_back(folded_lower(w));
      v.push_back(std::move(ph));
    }
    return v;
  }();
  return all;
}

// `w` without the punctuation OCR put around it ("HỘI]", "THƠ)", "“TỈNH");
// an apostrophe inside stays ("R'LẤP").
std::string trim_punctuation(std::string_view w) {
  auto letter_or_digit = [](char32_t c) { return text::is_letter_or_mark(c) || (c >= U'0' && c <= U'9'); };
  const std::u32string u = text::to_u32(w);
  size_t b = 0, e = u.size();
  while (b < e && !letter_or_digit(u[b])) ++b;
  while (e > b && !letter_or_digit(u[e - 1])) --e;
  return text::to_utf8(std::u32string_view(u).substr(b, e - b));
}

// The levels of the unit a place after the fixed phrase ending at word
// `end` - 1 names (a unit word, or a Party committee of one: "TỈNH ỦY"),
// or 0 when the phrase names none.
uint8_t place_levels(const std::vector<std::string>& folded, size_t end) {
  if (end == 0) return 0;
  const std::string& last = folded[end - 1];
  const std::string before = end >= 2 ? folded[end - 2] : std::string();
  const std::string& unit = last == "uy" ? before : last;
  if (unit == "tinh") return kProvinces;
  if (unit == "pho" || unit == "thanh") return kProvinces | kDistricts;  // thành phố, thành ủy
  if (unit == "huyen" || unit == "quan" || (last == "xa" && before == "thi") || (unit == "thi" && last == "uy"))
    return kDistricts;  // huyện, quận, thị xã, thị ủy
  if (unit == "xa" || unit == "phuong" || unit == "tran") return kCommunes;
  return 0;
}

}  // namespace

namespace {

// The words of an issuer: tokens without letters ("—", "*", "|", "~~") are
// OCR noise; so is the punctuation around a word.
std::vector<std::string> issuer_words(std::string_view issuer) {
  std::vector<std::string> words;
  for (std::string_view w : text::split(issuer, ' '))
    if (text::has_letter(w)) words.push_back(trim_punctuation(w));  // the empty pieces of runs of spaces have none
  return words;
}

// Letters of `s`, folded, spaces left out.
std::string letters_of(std::string_view s) { return text::without_spaces(vi::folded_lower(s)); }

// The issuer's runs of one to three words, with their letters.
std::vector<std::pair<std::string_view, std::string>> word_runs(std::string_view issuer) {
  std::vector<std::string_view> words;
  for (std::string_view w : text::split(issuer, ' '))
    if (!w.empty()) words.push_back(w);
  std::vector<std::pair<std::string_view, std::string>> runs;
  for (size_t n = 1; n <= 3; ++n)
    for (size_t i = 0; i + n <= words.size(); ++i) {
      const std::string_view run(words[i].data(), static_cast<size_t>(words[i + n - 1].data() + words[i + n - 1].size() -
                                                                       words[i].data()));
      runs.emplace_back(run, letters_of(run));
    }
  return runs;
}

constexpr size_t kMinPlaceLetters = 5;  // "Lai", "Ba Vì": too short to tell from other words

}  // namespace

std::string with_dated_place(std::string_view issuer, std::string_view place, const Gazetteer& places) {
  const std::string want = letters_of(place);
  if (want.size() < kMinPlaceLetters) return std::string(issuer);
  const std::optional<PlaceMatch> named = places.lookup(place);
  if (!named || named->unit->name != place) return std::string(issuer);
  const auto runs = word_runs(issuer);
  if (std::any_of(runs.begin(), runs.end(), [&](const auto& r) { return r.second == want; })) return std::string(issuer);
  PlaceQuery exact;
  exact.max_distance = 0;
  for (const auto& [run, run_letters] : runs) {
    if (!text::within_one_edit(run_letters, want) || places.lookup(run, exact)) continue;
    const size_t begin = static_cast<size_t>(run.data() - issuer.data());
    return std::string(issuer.substr(0, begin)) + text::to_upper(place) + std::string(issuer.substr(begin + run.size()));
  }
  return std::string(issuer);
}

std::string dated_place_from_issuer(std::string_view place, std::string_view issuer, const Gazetteer& places) {
  const std::string want = letters_of(place);
  if (want.size() < kMinPlaceLetters) return std::string(place);
  PlaceQuery exact;
  exact.max_distance = 0;
  // One letter off only when the place is no unit of the issuer's
  // province, asked of the gazetteer at the first such run only.
  std::optional<bool> own_unit;
  const auto place_of_province = [&] {
    if (!own_unit) {
      PlaceQuery own = exact;
      const std::string province = issuer_province(issuer, places);
      own.province = province;
      own_unit = province.empty() || places.lookup(place, own).has_value();
    }
    return *own_unit;
  };
  for (const auto& [run, run_letters] : word_runs(issuer)) {
    if (run == text::to_upper(place)) continue;
    if (run_letters != want && (!text::within_one_edit(run_letters, want) || place_of_province())) continue;
    const std::optional<PlaceMatch> m = places.lookup(run, exact);
    if (m && text::to_upper(m->unit->name) == run) return std::string(m->unit->name);
  }
  return std::string(place);
}

std::string issuer_province(std::string_view issuer, const Gazetteer& places) {
  auto runs = word_runs(issuer);
  // Longer runs first: "THẠNH PHÚ" before the commune "Thanh" its first word folds as.
  std::stable_sort(runs.begin(), runs.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  PlaceQuery exact;
  exact.max_distance = 0;
  for (const uint8_t levels : {kProvinces, kDistricts}) {
    exact.levels = levels;
    for (const auto& [run, run_letters] : runs) {
      if (run_letters.size() < kMinPlaceLetters || !(places.levels_named(run) & levels)) continue;  // cannot pass below
      const std::optional<PlaceMatch> m = places.lookup(run, exact);
      // The very name, marks and all, and no other unit's.
      if (!m || m->alternatives > 0 || text::to_upper(m->unit->name) != run) continue;
      return std::string(m->unit->province_name());
    }
  }
  return {};
}

std::string mend_issuer(std::string_view issuer, const Gazetteer* places, std::string_view ocr) {
  std::vector<std::string> words = issuer_words(issuer);
  std::vector<std::string> read = issuer_words(ocr);  // the OCR's, word for word, or none
  if (read.size() != words.size()) read.clear();
  std::vector<std::string> folded;
  for (const auto& w : words) folded.push_back(folded_lower(w));
  // A draft marker the header line ran on into ("BỘ TÀI CHÍNH Dự thảo lần").
  for (size_t i = 1; i + 1 < folded.size(); ++i)
    if (folded[i] == "du" && folded[i + 1] == "thao") {
      words.resize(i);
      folded.resize(i);
      if (!read.empty()) read.resize(i);
      break;
    }
  const bool capitals = text::mostly_upper(issuer);
  std::string out, place, read_place;  // place: the words since the last fixed phrase; read_place: the OCR's
  auto put = [](std::string& to, std::string_view w) { to.append(to.empty() ? "" : " ").append(w); };
  uint8_t levels = 0;  // of the unit the last fixed phrase names (PlaceQuery::levels)
  // The province an earlier place of the line lies in ("HUYỆN AN LÃO":
  // Hải Phòng), whose districts and communes a later place is looked for
  // among first ("XÃ CẨM VĂN", not Cẩm Vân of Thanh Hóa).
  std::string_view province;
  // `name` as a unit of the level the last phrase names, within `in` (a
  // province) when given.
  auto lookup = [&](const std::string& name, std::string_view in) -> std::optional<PlaceMatch> {
    if (!places || !levels || name.empty()) return std::nullopt;
    PlaceQuery query;
    query.levels = levels;
    query.province = in;
    return places->lookup(name, query);
  };
  // The place the last phrase led to, read as the unit it names when the
  // gazetteer reads it so unambiguously: within the province first, the
  // restored words before the OCR's; then anywhere.
  auto flush_place = [&] {
    if (place.empty()) return;
    std::optional<PlaceMatch> m;
    if (!province.empty() && !(levels & kProvinces)) {
      m = lookup(place, province);
      if (!m) m = lookup(read_place, province);
    }
    if (!m) m = lookup(place, {});
    if (!m || m->ambiguous)
      if (std::optional<PlaceMatch> seen = lookup(read_place, {}); seen && !seen->ambiguous) m = seen;
    if (m && !m->ambiguous && m->alternatives == 0)
      province = m->unit->province_name();
    put(out, m && !m->ambiguous ? text::to_upper(m->unit->name) : place);
    place.clear();
    read_place.clear();
    levels = 0;
  };
  for (size_t i = 0; i < words.size();) {
    size_t matched = 0;
    for (const Phrase& p : phrases()) {
      matched = match_phrase(folded, i, p);
      if (matched == 0) continue;
      flush_place();
      for (const auto& w : p.words) put(out, w);
      levels = place_levels(p.folded, p.folded.size());
      break;
    }
    if (matched == 0) {
      put(place, capitals ? text::to_upper(words[i]) : words[i]);
      if (!read.empty()) put(read_place, read[i]);
      matched = 1;
    }
    i += matched;
  }
  flush_place();
  return out;
}

std::string body_signed_for(std::string_view line) {
  const std::string f = folded_lower(line.substr(0, std::min<size_t>(line.size(), 5)));
  for (std::string_view lead : {"t/m ", "tm. ", "tm "})
    if (f.rfind(lead, 0) == 0) return mend_issuer(line.substr(lead.size()));
  return {};
}

}  // namespace vn::doc
