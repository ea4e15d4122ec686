#include "doc/recipient.hpp"

#include <string_view>
#include <vector>

#include "doc/words.hpp"
#include "text/edits.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"
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

// Where the last " (" of an item is, its "(" as OCR may read it ("¢",
// "{", "["): the space before it; npos when there is none.
size_t last_open_parenthesis(std::string_view item) {
  size_t at = std::string_view::npos;
  for (std::string_view open : {" (", " \u00A2", " {", " ["})
    if (const size_t i = item.rfind(open); i != std::string_view::npos && (at == std::string_view::npos || i > at)) at = i;
  return at;
}

// "... (bô’cô)" -> "... (b/c)"; its ")" may be lost ("... (b/o"), its "("
// read as another mark ("... ¢b/e)").
void mend_for_information(std::string& item) {
  const size_t open = last_open_parenthesis(item);
  if (open == std::string::npos) return;
  const size_t mark = item[open + 1] == '(' || item[open + 1] == '{' || item[open + 1] == '[' ? 1 : 2;  // "¢": 2 bytes
  const bool closed = item.back() == ')';
  if (!closed && item.find(')', open) != std::string::npos) return;
  const std::string_view inside = std::string_view(item).substr(open + 1 + mark, item.size() - open - 1 - mark - closed);
  if (!closed && inside.size() > 4) return;
  if (closed && (inside == "b/c" || inside == "B/c")) return;  // as written
  if (inside.size() == 3 && inside[1] == '/' && inside[0] != 'b' && inside[0] != 'B') return;  // no b/c
  // What restoration reads "bc" as: "bô’cô", "biết", "bác", "bế", "bởi".
  const std::string l = letters(inside);
  if (l.size() < 2 || l.size() > 4 || l[0] != 'b') return;
  item.replace(open + 1, std::string::npos, "(b/c)");
}

// Whether folded text opens with the signature's "Đã ký" / "Ký tên, đóng
// dấu", as OCR and restoration leave it ("Kỳ lên, đóng dấu").
bool opens_placeholder(std::string_view folded) {
  if (starts_with(folded, "da ky") || starts_with(folded, "ky ten")) return true;
  const auto w = words_of(folded);
  return w.size() >= 2 && text::within_one_edit(w[0] + " " + w[1], "ky ten");
}

// Whether the folded text inside a recipient's last parentheses is the
// signature's "(Đã ký)" / "(Ký tên, đóng dấu)" that OCR ran into it,
// damaged however its "đóng dấu" stays.
bool signature_placeholder(std::string_view folded) {
  return opens_placeholder(folded) || folded.find("dong dau") != std::string_view::npos;
}

// Where the signature's "(Đã ký)" / "(Ký tên, đóng dấu)" that OCR ran into
// a recipient begins (the space before it), among its last words, with
// both parentheses, one, other brackets or none ("Như trên, Ký tên, đóng
// dấu", "... (Ký tên, đóng diétuy", "{đã ký}"); npos when there is none.
// A recipient is never all placeholder.
size_t placeholder_at(std::string_view item) {
  if (const size_t open = item.rfind(" ("); open != std::string_view::npos && item.back() == ')' &&
                                           signature_placeholder(folded_lower(item.substr(open + 2))))
    return open;
  constexpr size_t kMostWords = 5;
  size_t at = std::string_view::npos, words = 0;
  for (size_t space = item.rfind(' '); space != std::string_view::npos && space > 0 && words < kMostWords;
       space = item.rfind(' ', space - 1), ++words) {
    std::string_view rest = item.substr(space + 1);
    while (!rest.empty() && (rest[0] == '(' || rest[0] == '{' || rest[0] == '[')) rest.remove_prefix(1);
    if (!rest.empty() && opens_placeholder(folded_lower(rest))) at = space;  // the leftmost start
  }
  return at;
}

// The letters (marks included), capitals and decimal digits of `s`.
struct Marks {
  size_t letters = 0, capitals = 0, digits = 0;
};
Marks marks_of(std::string_view s) {
  Marks m;
  for (size_t i = 0; i < s.size();) {
    const char32_t c = text::next_code_point(s, i);
    m.digits += text::is_decimal_digit(c);
    m.letters += text::is_letter_or_mark(c);
    m.capitals += text::is_upper(c);
  }
  return m;
}

// Where the specks of the signature column that OCR ran onto a
// recipient's end begin (npos when there are none):
//   - after its last ';', ',' or '.': at most one letter and no digit, or
//     no letter and one digit ("Như trên; R", "Đại hội Đảng bộ UBND
//     tỉnh, m", "Các đồng chí Đảng ủy viên, v ( )", "Lưu VP Đảng ủy, HSĐH.
//     i", "Tỉnh ủy ;/ / %", "Cổng thông tin điện tử tỉnh; 7"); after ','
//     or '.' only past a space ("v.v" stays) and no capital ("Lưu: VT, A"
//     keeps its unit);
//   - one or two characters closing a parenthesis the recipient never
//     opened ("Đoàn ĐBQH tỉnh i)").
size_t trailing_specks_at(std::string_view item) {
  const size_t space = item.rfind(' ');
  if (space != std::string_view::npos && item.size() - space <= 4 && item.back() == ')' &&
      item.find('(') == std::string_view::npos)
    return space;
  const size_t separator = item.find_last_of(",;.");
  if (separator == std::string_view::npos) return std::string_view::npos;
  const std::string_view after = item.substr(separator + 1);
  const Marks m = marks_of(after);
  const bool specks = after.find_first_not_of(' ') != std::string_view::npos &&
                      ((m.letters <= 1 && m.digits == 0) || (m.letters == 0 && m.digits == 1));
  if (!specks) return std::string_view::npos;
  return item[separator] == ';' || (m.capitals == 0 && after[0] == ' ') ? separator : std::string_view::npos;
}

// An item opens with a capital ("Sở Tài chính", "Các sở, ban, ngành"):
// restoration writes its first word as it writes one inside a sentence.
void capitalise_first(std::string& item) {
  size_t end = 0;
  if (item.empty()) return;
  const char32_t c = text::next_code_point(item, end);
  if (text::is_letter_or_mark(c) && !text::is_upper(c)) item.replace(0, end, text::to_upper(item.substr(0, end)));
}

// A stop inside an item after a word in small letters, or after an
// abbreviation of three capitals or more, is a comma OCR misread ("Sở Tài
// chính. Sở Nội vụ", "Đảng đoàn HĐND. Ban cán sự đảng", and "HĐND.,"):
// an item is one phrase. A stop after one or two capitals is an
// abbreviation's own ("TP. Hồ Chí Minh", "Q. 1"), and stays.
void commas_for_stops(std::string& item) {
  for (size_t dot = item.find(". "); dot != std::string::npos; dot = item.find(". ", dot + 1)) {
    size_t start = dot;
    while (start > 0 && item[start - 1] != ' ') --start;
    const std::u32string word = text::to_u32(std::string_view(item).substr(start, dot - start));
    const text::CaseCounts cases = text::count_cases(std::string_view(item).substr(start, dot - start));
    const bool small = !word.empty() && text::is_letter_or_mark(word.back()) && !text::is_upper(word.back());
    const bool long_abbreviation = cases.upper >= 3 && cases.lower == 0 && word.size() == cases.upper;
    if ((small || long_abbreviation) && dot + 2 < item.size()) item[dot] = ',';
  }
  for (size_t stop = item.find(".,"); stop != std::string::npos; stop = item.find(".,", stop)) item.erase(stop, 1);
}

// Whether `w` opens with a capital and holds a small letter: a word of a
// personal name ("Huỳnh"), not a unit code ("TP").
bool name_word(std::string_view w) {
  size_t i = 0;
  const text::CaseCounts c = text::count_cases(w);
  return !w.empty() && text::is_upper(text::next_code_point(w, i)) && c.lower > 0;
}

}  // namespace

bool is_speck(std::string_view segment) {
  if (segment.find(' ') != std::string_view::npos) return false;
  const Marks m = marks_of(segment);
  return m.digits == 0 && m.letters <= 1;
}

std::string signer_after_archive_copy(std::string& item) {
  std::string_view rest = item;
  while (!rest.empty() && (rest[0] == ' ' || rest[0] == '-' || rest[0] == '+')) rest.remove_prefix(1);
  const std::vector<Word> w = split_words(rest);
  const size_t offset = item.size() - rest.size();
  auto word = [&](size_t k) { return rest.substr(w[k].begin, w[k].end - w[k].begin); };
  if (w.size() < 4 || !reads_as_luu(folded_lower(word(0)))) return {};
  size_t first = w.size();  // the trailing run of name words
  while (first > 2 && name_word(word(first - 1))) --first;
  const size_t words = w.size() - first;
  if (words < 2 || words > 4 || !all_capitals(word(first - 1))) return {};
  std::string name(rest.substr(w[first].begin));
  item.erase(offset + w[first - 1].end);
  return name;
}

std::string mend_recipient(std::string item) {
  item = mend_archive_copy(std::move(item));
  mend_for_information(item);
  capitalise_first(item);
  commas_for_stops(item);
  return item;
}

size_t item_mark(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) return 1;
  for (std::string_view mark : {"\u00BB", "~", ">", "\u2022", "*", "\u2013", "\u2014"})
    if (s.size() > mark.size() && s.substr(0, mark.size()) == mark && s[mark.size()] == ' ') return mark.size();
  return 0;
}

std::string clean_item(std::string s) {
  size_t b = 0;
  while (b < s.size() && s[b] == ' ') ++b;
  b += item_mark(std::string_view(s).substr(b));
  while (b < s.size() && (s[b] == '-' || s[b] == ' ' || s[b] == '+')) ++b;
  s.erase(0, b);
  const auto trim = [&] {
    while (!s.empty() && (s.back() == ',' || s.back() == ';' || s.back() == '.' || s.back() == ':' || s.back() == ' '))
      s.pop_back();
  };
  trim();
  if (const size_t at = trailing_specks_at(s); at != std::string::npos) {
    s.erase(at);
    trim();
  }
  if (const size_t at = placeholder_at(s); at != std::string::npos) {
    s.erase(at);
    trim();
  }
  return s;
}

std::vector<std::string> split_run_on_items(std::vector<std::string> items) {
  std::vector<std::string> out;
  for (std::string& item : items) {
    size_t from = 0;
    for (size_t i = 1; i + 1 < item.size(); ++i) {
      if (item[i - 1] != ' ' || item[i] == '-' || item[i] == '+') continue;
      const size_t mark = item_mark(std::string_view(item).substr(i));
      if (mark == 0) continue;
      if (std::string piece = clean_item(item.substr(from, i - from)); !piece.empty()) out.push_back(std::move(piece));
      from = i;
      i += mark;
    }
    if (std::string piece = clean_item(item.substr(from)); !piece.empty()) out.push_back(std::move(piece));
  }
  return out;
}

}  // namespace vn::doc
