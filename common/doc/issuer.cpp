#include "doc/issuer.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "vi/fold.hpp"

namespace vn::doc {
namespace {

// Fixed phrases of issuing bodies, longest first among those sharing a start.
constexpr std::array<std::string_view, 24> kPhrases = {
    "ỦY BAN NHÂN DÂN THÀNH PHỐ", "ỦY BAN NHÂN DÂN TỈNH", "ỦY BAN NHÂN DÂN HUYỆN", "ỦY BAN NHÂN DÂN XÃ",
    "ỦY BAN NHÂN DÂN",           "HỘI ĐỒNG NHÂN DÂN TỈNH", "HỘI ĐỒNG NHÂN DÂN HUYỆN", "HỘI ĐỒNG NHÂN DÂN",
    "ỦY BAN KIỂM TRA",           "ĐẢNG BỘ TỈNH",         "ĐẢNG BỘ HUYỆN",         "ĐẢNG BỘ XÃ",
    "ĐẢNG BỘ",                   "ĐẢNG ỦY",              "TỈNH ỦY",               "HUYỆN ỦY",
    "THÀNH ỦY",                  "BAN THƯỜNG VỤ",        "BAN CHẤP HÀNH",         "BAN TỔ CHỨC",
    "BAN TUYÊN GIÁO",            "BAN DÂN VẬN",          "VĂN PHÒNG",             "MẶT TRẬN TỔ QUỐC",
};

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> words;
  for (size_t i = 0; i < s.size();) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t e = i;
    while (e < s.size() && s[e] != ' ') ++e;
    if (e > i) words.emplace_back(s.substr(i, e - i));
    i = e;
  }
  return words;
}

std::string folded_lower(std::string_view s) { return text::to_lower(vi::fold(s)); }

bool has_letter(std::string_view s) {
  for (size_t i = 0; i < s.size();)
    if (text::is_letter_or_mark(text::next_code_point(s, i))) return true;
  return false;
}

// Equal, or (both of 4+ bytes) one substitution, insertion or deletion apart.
bool near(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (a.size() < 4 || b.size() < 4 || (a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > 1) return false;
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) return a.substr(i + 1) == b.substr(i + 1);
  return a.size() > b.size() ? a.substr(i + 1) == b.substr(i) : a.substr(i) == b.substr(i + 1);
}

struct Phrase {
  std::vector<std::string> words, folded;
};

const std::vector<Phrase>& phrases() {
  static const std::vector<Phrase> all = [] {
    std::vector<Phrase> v;
    for (std::string_view p : kPhrases) {
      Phrase ph;
      ph.words = split_words(p);
      for (const auto& w : ph.words) ph.folded.push_back(folded_lower(w));
      v.push_back(std::move(ph));
    }
    return v;
  }();
  return all;
}

}  // namespace

std::string mend_issuer(std::string_view issuer) {
  std::vector<std::string> words = split_words(issuer);
  const auto first = std::find_if(words.begin(), words.end(), [](const std::string& w) { return has_letter(w); });
  words.erase(words.begin(), first);
  std::vector<std::string> folded;
  for (const auto& w : words) folded.push_back(folded_lower(w));
  const bool capitals = text::mostly_upper(issuer);
  std::string out;
  for (size_t i = 0; i < words.size();) {
    size_t matched = 0;
    for (const Phrase& p : phrases()) {
      if (i + p.folded.size() > words.size()) continue;
      bool ok = true;
      for (size_t k = 0; k < p.folded.size() && ok; ++k) ok = near(folded[i + k], p.folded[k]);
      if (!ok) continue;
      for (const auto& w : p.words) out += (out.empty() ? "" : " ") + w;
      matched = p.words.size();
      break;
    }
    if (matched == 0) {
      out += (out.empty() ? "" : " ") + (capitals ? text::to_upper(words[i]) : words[i]);
      matched = 1;
    }
    i += matched;
  }
  return out;
}

std::string body_signed_for(std::string_view line) {
  const std::string f = folded_lower(line.substr(0, std::min<size_t>(line.size(), 5)));
  for (std::string_view lead : {"t/m ", "tm. ", "tm "})
    if (f.rfind(lead, 0) == 0) return mend_issuer(line.substr(lead.size()));
  return {};
}

}  // namespace vn::doc
