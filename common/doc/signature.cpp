#include "doc/signature.hpp"

#include <algorithm>
#include <vector>

#include "doc/words.hpp"
#include "text/edits.hpp"
#include "text/normalize.hpp"
#include "vi/fold.hpp"

namespace vn::doc {
namespace {

using vi::folded_lower;

// Whether folded words `a` and `b` are alike: equal but for at most one
// letter of one word (restoration's "GIẢM BỌC" for "GIÁM ĐỐC") when they
// hold six letters or more.
bool alike_words(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.size() != b.size()) return false;
  size_t letters = 0, differ = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].size() != b[i].size()) return false;
    letters += a[i].size();
    for (size_t k = 0; k < a[i].size(); ++k) differ += a[i][k] != b[i][k];
  }
  return differ == 0 || (differ == 1 && letters >= 6);
}

struct Position {
  std::string_view canonical;      // "PHÓ CHỦ TỊCH"
  std::vector<std::string> words;  // folded: "pho", "chu", "tich"
  std::string joined;              // the folded words joined by spaces
};

// The positions a signer holds.
const std::vector<Position>& positions() {
  static const std::vector<Position> kPositions = [] {
    std::vector<Position> v;
    for (std::string_view p : {"BÍ THƯ", "PHÓ BÍ THƯ", "TỔNG BÍ THƯ", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC",
                               "PHÓ GIÁM ĐỐC", "TỔNG GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG",
                               "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "THỦ TƯỚNG",
                               "PHÓ THỦ TƯỚNG", "CHỦ TRÌ", "THƯ KÝ", "CHỦ NHIỆM", "PHÓ CHỦ NHIỆM",
                               "TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "CỤC TRƯỞNG", "VỤ TRƯỞNG", "CHÁNH THANH TRA"})
      v.push_back({p, words_of(folded_lower(p)), folded_lower(p)});
    return v;
  }();
  return kPositions;
}

// The position (in canonical capitals: "PHÓ CHỦ TỊCH") that the folded
// words `words` name, alike up to one letter (alike_words: "BỘ TRUUNG");
// "" when they name none.
std::string_view position_named(const std::vector<std::string>& words) {
  for (const Position& p : positions())
    if (alike_words(words, p.words)) return p.canonical;
  return {};
}

// The position whose folded words, joined, are nearest to `words` joined,
// at most one edit per four letters away and nearer than any other: a
// position damaged past alike_words ("PHÓ THLE TVONG", "BÈ THƯ"); "" when
// none is.
std::string_view position_nearest(const std::vector<std::string>& words) {
  std::string joined;
  size_t letters = 0;
  for (const std::string& w : words) joined += (joined.empty() ? "" : " ") + w, letters += w.size();
  const int limit = std::max<int>(1, static_cast<int>(letters / 4));
  std::string_view best;
  int best_distance = limit + 1, second = limit + 1;
  for (const Position& p : positions()) {
    const int d = text::edit_distance_within(joined, p.joined, limit);
    if (d < best_distance)
      second = best_distance, best_distance = d, best = p.canonical;
    else if (d < second)
      second = d;
  }
  return best_distance <= limit && best_distance < second ? best : std::string_view();
}

}  // namespace

bool opens_signature(std::string_view line) {
  const std::string f = folded_prefix(line, 8);
  for (std::string_view lead : {"t/m ", "tm. ", "tm ", "kt. ", "kt ", "tl. ", "t/l ", "tuq. ", "q. "})
    if (starts_with(f, lead)) return true;
  return false;
}

bool signature_column(std::string_view tail) {
  const auto w = words_of(tail);
  // Capitals; restoration may lower a letter ("PHÓ Bí THƯ", "Bí THƯ").
  if (w.empty() || w.size() > 6 || !text::mostly_upper(tail)) return false;
  if (opens_signature(tail) && text::all_upper(tail)) return true;
  const std::string f = folded_prefix(tail, 32);
  for (std::string_view position :
       {"chu tich", "pho ", "bi thu", "truong ", "chanh ", "giam doc", "thu truong", "tong ", "thu tuong", "bo truong"})
    if (starts_with(f, position)) return true;
  return !position_named(words_of(folded_lower(tail))).empty();
}

bool damaged_signature_lead(std::string_view line) {
  const size_t space = line.find(' ');
  if (space == std::string_view::npos || words_of(line).size() > 6) return false;
  const text::CaseCounts c = text::count_cases(line.substr(space + 1));
  return c.upper >= 3 && c.upper >= 3 * c.lower;
}

std::string mend_position(std::string position) {
  constexpr std::string_view kQuote = "’";
  for (;;) {  // trailing punctuation and quotes
    if (!position.empty() && std::string_view("'.,;:").find(position.back()) != std::string_view::npos)
      position.pop_back();
    else if (position.ends_with(kQuote))
      position.erase(position.size() - kQuote.size());
    else
      break;
  }
  const std::vector<std::string> folded = words_of(folded_lower(position));
  const size_t lead = opens_signature(position) ? 1 : 0;
  const std::string lead_text = lead ? position.substr(0, position.find(' ') + 1) : std::string();
  for (size_t from = lead; from < folded.size(); ++from) {  // the longest run of words that names one
    const std::string_view named =
        position_named(std::vector<std::string>(folded.begin() + static_cast<std::ptrdiff_t>(from), folded.end()));
    if (!named.empty()) return lead_text + std::string(named);
  }
  if (folded.size() > lead) {  // the whole of it damaged further
    const std::string_view nearest =
        position_nearest(std::vector<std::string>(folded.begin() + static_cast<std::ptrdiff_t>(lead), folded.end()));
    if (!nearest.empty()) return lead_text + std::string(nearest);
  }
  return position;
}

std::string position_below(const std::string& position) {
  if (!opens_signature(position)) return position;
  const std::string lead = folded_lower(position.substr(0, position.find(' ')));
  const std::string held = position.substr(position.find(' ') + 1);
  if (lead == "q.") return position;
  if (lead != "kt." && lead != "kt") return {};
  if (held == "BỘ TRƯỞNG") return "THỨ TRƯỞNG";
  return starts_with(held, "PHÓ ") ? held : "PHÓ " + held;
}

}  // namespace vn::doc
