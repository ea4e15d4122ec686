#include "doc/recipient.hpp"

#include <string_view>
#include <vector>

#include "text/edits.hpp"
#include "text/normalize.hpp"
#include "vi/fold.hpp"

namespace vn::doc {
namespace {

using vi::folded_lower;

struct Word {
  size_t begin, end;  // bytes of the item, punctuation after it excluded
};

// Words split at spaces, each without the , . : ; that follow it.
std::vector<Word> split_words(std::string_view s) {
  std::vector<Word> w;
  for (size_t i = 0; i < s.size();) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t e = i;
    while (e < s.size() && s[e] != ' ') ++e;
    size_t end = e;
    while (end > i && (s[end - 1] == ',' || s[end - 1] == '.' || s[end - 1] == ':' || s[end - 1] == ';')) --end;
    if (end > i) w.push_back({i, end});
    i = e;
  }
  return w;
}


// Letters only, folded: "(bô’cô)" -> "boco".
std::string letters(std::string_view s) {
  std::string out;
  for (char c : folded_lower(s))
    if (c >= 'a' && c <= 'z') out.push_back(c);
  return out;
}

bool all_capitals(std::string_view w) {
  const text::CaseCounts c = text::count_cases(w);
  return c.upper >= 2 && c.lower == 0;
}

// The archive-copy keeper as OCR and restoration leave "Lưu": up to two
// edits from it ("Lit", "Lw", "Litu", "Laru", "Bưu"), or the farther forms
// seen ("Lint", "Lani"). The caller also asks for what follows "Lưu", so
// a loose match is safe.
bool reads_as_luu(std::string_view folded_word) {
  if (folded_word == "lint" || folded_word == "lani") return true;
  return folded_word.size() <= 5 && text::edit_distance_within(folded_word, "luu", 2) <= 2;
}

// "VT" (văn thư), as OCR and restoration leave it.
bool reads_as_vt(std::string_view w) {
  const std::string f = folded_lower(w);
  return f == "vt" || f == "wt" || f == "vi" || f == "vl";
}

// "Lưu: VT, XD", "Lưu VT", "Lưu Văn phòng ...", damaged.
std::string mend_archive_copy(std::string item) {
  const std::vector<Word> w = split_words(item);
  if (w.size() < 2) return item;
  const std::string_view first = std::string_view(item).substr(w[0].begin, w[0].end - w[0].begin);
  const std::string_view second = std::string_view(item).substr(w[1].begin, w[1].end - w[1].begin);
  const bool vt = reads_as_vt(second);
  const bool office = folded_lower(second) == "van" && w.size() >= 3 &&
                      folded_lower(std::string_view(item).substr(w[2].begin, w[2].end - w[2].begin)) == "phong";
  const bool unit = all_capitals(second);  // "Lưu VP, HSBH"
  if (!reads_as_luu(folded_lower(first)) || (!vt && !office && !unit)) return item;
  std::string out = "Lưu";
  out.append(item, w[0].end, w[1].begin - w[0].end);  // ": " or " "
  out.append(vt ? "VT" : second);
  // The unit codes after "VT" or a unit's: commas read as stops, or lost.
  for (size_t k = 2; k < w.size(); ++k) {
    const std::string_view word = std::string_view(item).substr(w[k].begin, w[k].end - w[k].begin);
    std::string_view gap = std::string_view(item).substr(w[k - 1].end, w[k].begin - w[k - 1].end);
    if ((vt || unit) && all_capitals(word) && (gap == ". " || gap == " ")) gap = ", ";
    out.append(gap).append(word);
  }
  out.append(item, w.back().end, std::string::npos);
  return out;
}

// "... (bô’cô)" -> "... (b/c)".
void mend_for_information(std::string& item) {
  if (item.empty() || item.back() != ')') return;
  const size_t open = item.rfind(" (");
  if (open == std::string::npos) return;
  const std::string_view inside = std::string_view(item).substr(open + 2);
  if (inside == "b/c)" || inside == "B/c)") return;  // as written
  if (inside.size() == 4 && inside[1] == '/' && inside[0] != 'b' && inside[0] != 'B') return;  // no b/c
  // What restoration reads "bc" as: "bô’cô", "biết", "bác", "bế", "bởi".
  const std::string l = letters(inside);
  if (l.size() < 2 || l.size() > 4 || l[0] != 'b') return;
  item.replace(open + 1, std::string::npos, "(b/c)");
}

}  // namespace

std::string mend_recipient(std::string item) {
  item = mend_archive_copy(std::move(item));
  mend_for_information(item);
  return item;
}

}  // namespace vn::doc
