#include "doc/metadata.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "doc/citations.hpp"
#include "doc/code_shape.hpp"
#include "doc/field_text.hpp"
#include "doc/gazetteer.hpp"
#include "doc/issuer.hpp"
#include "doc/lines.hpp"
#include "doc/person_names.hpp"
#include "doc/recipient.hpp"
#include "doc/signature.hpp"
#include "doc/words.hpp"
#include "text/edits.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "text/whitespace.hpp"
#include "vi/fold.hpp"
#include "vi/syllable.hpp"

namespace vn::doc {
namespace {

using vi::folded_lower;

using text::all_digits;

struct TypeName {
  std::string_view folded;
  std::string_view canonical;
};

constexpr std::array<TypeName, 22> kTypes = {{
    {"bao cao", "BÁO CÁO"},       {"ket luan", "KẾT LUẬN"},         {"nghi quyet", "NGHỊ QUYẾT"},
    {"quyet dinh", "QUYẾT ĐỊNH"}, {"cong van", "CÔNG VĂN"},         {"ke hoach", "KẾ HOẠCH"},
    {"to trinh", "TỜ TRÌNH"},     {"thong bao", "THÔNG BÁO"},       {"chi thi", "CHỈ THỊ"},
    {"quy dinh", "QUY ĐỊNH"},     {"huong dan", "HƯỚNG DẪN"},       {"chuong trinh", "CHƯƠNG TRÌNH"},
    {"quy che", "QUY CHẾ"},       {"thong tri", "THÔNG TRI"},       {"de an", "ĐỀ ÁN"},
    {"bien ban", "BIÊN BẢN"},     {"thong tu", "THÔNG TƯ"},         {"nghi dinh", "NGHỊ ĐỊNH"},
    {"cong dien", "CÔNG ĐIỆN"},   {"quyet nghi", "QUYẾT NGHỊ"},     {"giay moi", "GIẤY MỜI"},
    {"phuong an", "PHƯƠNG ÁN"},
}};

// The canonical type a folded line names ("bao cao" -> "BÁO CÁO"), or "":
// exactly, or with its words run together ("baocao", "nghiquyet"), or behind
// a speck of OCR junk of one or two characters ("o baocao").
std::string type_named(std::string_view folded) {
  for (const auto& t : kTypes)
    if (folded == t.folded) return std::string(t.canonical);
  if (folded.size() > 16) return {};
  const size_t space = folded.find(' ');
  for (const std::string_view line : {folded, space != std::string_view::npos && space <= 2 ? folded.substr(space + 1)
                                                                                           : std::string_view()}) {
    if (line.empty()) continue;
    const std::string joined = text::without_spaces(line);
    for (const auto& t : kTypes)
      if (joined == text::without_spaces(t.folded)) return std::string(t.canonical);
    // One letter misread ("ngh] quyet"): the types' joined forms are at least
    // two edits apart from each other.
    if (joined.size() >= 6)
      for (const auto& t : kTypes)
        if (text::within_one_edit(joined, text::without_spaces(t.folded))) return std::string(t.canonical);
  }
  return {};
}

// Whether a folded word is "V/v" (về việc) as OCR reads it: "v/v", "v/v:",
// "viv", "v/y", "vv", "vw", "vev", "v.v", "v-v", "vwv", "v‘v": v, then
// at most one mark or one of the letters i, e, l, w, then v, w or y.
bool subject_lead(std::string_view w) {
  if (!w.empty() && w.back() == ':') w.remove_suffix(1);
  if (w.size() < 2 || w[0] != 'v') return false;
  const char last = w.back();
  if (last != 'v' && last != 'w' && last != 'y') return false;
  const std::string_view middle = w.substr(1, w.size() - 2);
  if (middle.empty()) return true;
  size_t i = 0;
  const char32_t c = text::next_code_point(middle, i);
  return i == middle.size() && (!text::is_letter_or_mark(c) || c == U'i' || c == U'e' || c == U'l' || c == U'w');
}

// Whether a folded line opens a letter's subject: "V/v ...", as OCR
// reads it too ("Viv", "V/y", "Vv").
bool opens_subject(std::string_view folded) {
  return subject_lead(folded.substr(0, std::min(folded.find(' '), folded.size())));
}

bool is_type_name(std::string_view folded) { return !type_named(folded).empty(); }

// Header, title and signature lines are short: longer lines are body text
// and are not read for those fields (a huge one-line file stays cheap).
constexpr size_t kHeaderLineBytes = 400;
constexpr size_t kMaxTitleBytes = 1000;

// Appends `more` to a title of lines joined by spaces, up to kMaxTitleBytes
// (cut at a UTF-8 boundary).
void append_words(std::string& title, std::string_view more) {
  if (title.size() >= kMaxTitleBytes) return;
  if (!title.empty()) title.push_back(' ');
  size_t n = std::min(more.size(), kMaxTitleBytes - title.size());
  while (n < more.size() && n > 0 && (static_cast<unsigned char>(more[n]) & 0xC0) == 0x80) --n;
  title.append(more.substr(0, n));
}

// Header phrases of the right column that are not the issuer.
constexpr std::array<std::string_view, 4> kMottos = {
    "dang cong san viet nam", "cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc", "*"};

// True when `s` opens with one of `letters` (UTF-8, compared as code points).
bool opens_with_letter(std::string_view s, std::string_view letters) {
  if (s.empty()) return false;
  size_t i = 0;
  const char32_t first = text::next_code_point(s, i);
  for (size_t j = 0; j < letters.size();)
    if (text::next_code_point(letters, j) == first) return true;
  return false;
}

std::string iso_date(std::string_view d, std::string_view m, std::string_view y) {
  if (!all_digits(d) || !all_digits(m) || !all_digits(y) || d.size() > 2 || m.size() > 2 || y.size() != 4) return {};
  const int dd = std::stoi(std::string(d)), mm = std::stoi(std::string(m));
  if (dd < 1 || dd > 31 || mm < 1 || mm > 12) return {};
  return std::string(y) + "-" + (m.size() == 1 ? "0" : "") + std::string(m) + "-" + (d.size() == 1 ? "0" : "") +
         std::string(d);
}

// "V/v" (về việc) opening a subject as OCR read it ("Viv", "Vv", "V/y")
// written as it is meant.
void mend_subject_lead(std::string& subject) {
  size_t end = std::min(subject.find(' '), subject.size());
  if (end > 0 && subject[end - 1] == ':') --end;  // "V/v:" keeps its colon
  if (subject_lead(folded_lower(std::string_view(subject).substr(0, end)))) subject.replace(0, end, "V/v");
}

// A number OCR read with letters for digits ("OL" -> "01", "O01" -> "01"),
// folded; other words as they are.
std::string digits_read(const std::string& w) {
  std::string out;
  size_t digits = 0;
  for (char c : w) {
    if (c >= '0' && c <= '9') ++digits, out.push_back(c);
    else if (c == 'o') out.push_back('0');
    else if (c == 'l' || c == 'i') out.push_back('1');
    else return w;
  }
  if (digits == 0 && w.size() > 2) return w;
  while (out.size() > 2 && out.size() != 4 && out[0] == '0') out.erase(0, 1);
  return out;
}

// "Số", "Số:" as OCR reads it: "So", "S6:", "$6", "86:", "Sẽ:".
bool opens_number_line(std::string_view word) {
  const std::string f = folded_lower(word);
  const size_t end = f.find_first_of(":_");
  return (end == std::string::npos ? f.size() : end) <= 3 && !f.empty() && (f[0] == 's' || f[0] == '$' || f[0] == '8');
}

// A word with a digit or a slash, or capitals around a hyphen: a code or a
// number ("14-CWHU", "/PA-UBND", "UBND-NV").
bool code_like(std::string_view word) {
  if (word.find_first_of("0123456789/") != std::string_view::npos) return true;
  return word.find('-') != std::string_view::npos && text::count_cases(word).lower == 0;
}

// The unit of a Party code that OCR set apart from it, its slash lost
// ("Số 134-BB Dl", "1874-BB DU": /ĐU), in capitals; "" for other words.
// Two letters in capitals, or the second read as l or 1, one edit from a
// unit: a place name after the code ("Hà Nội", "Dĩ An") has a small second
// letter. With a small one, only the very letters of ĐU, which restoration
// may have made a word of ("Dù").
std::string lost_code_unit(std::string_view word) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kUnits = {
      {{"du", "ĐU"}, {"hu", "HU"}, {"tu", "TU"}, {"qu", "QU"}, {"tw", "TW"}}};
  const std::u32string w = text::to_u32(word);
  if (w.size() != 2 || !text::is_upper(w[0])) return {};
  const std::string f = folded_lower(word);
  if (f == "du") return "ĐU";
  if (!text::is_upper(w[1]) && w[1] != U'l' && w[1] != U'1') return {};
  for (const auto& [folded, unit] : kUnits)
    if (f[0] == folded[0] && text::within_one_edit(f, folded)) return std::string(unit);
  return {};
}

// "Lạng Sơn, ngày 06 tháng 8 năm 2025" -> place and ISO date. A date whose
// month or year OCR damaged past reading ("ngày 27 tháng EE năm 2025")
// still gives the place, with the date empty.
bool parse_place_date(const std::string& seg, std::string& place, std::string& date) {
  // "ngày", "tháng", "năm" as OCR and restoration leave them: one edit off
  // ("ngã", "nga", "năn"), the numbers between them holding the date.
  const auto is = [](const std::string& word, std::string_view key) {
    return word == key || (word.size() >= 2 && text::within_one_edit(word, key));
  };
  // The comma before "ngày", which OCR may read as a full stop ("Quảng Trị. ngày").
  size_t comma = seg.find(',');
  std::vector<std::string> w;
  for (size_t c = 0; c < seg.size() && c <= 60; ++c) {
    if (seg[c] != ',' && seg[c] != '.') continue;
    w = words_of(folded_lower(std::string_view(seg).substr(c + 1)));
    if (!w.empty() && is(w[0], "ngay")) {
      comma = c;
      break;
    }
  }
  if (comma == std::string::npos || comma == 0 || comma > 60) return false;
  if (w.empty() || !is(w[0], "ngay")) w = words_of(folded_lower(std::string_view(seg).substr(comma + 1)));
  // A header's date ends its column; prose runs on after one ("Như vậy,
  // ngày 9 tháng 11 năm 2025 là Ngày Pháp luật ...").
  constexpr size_t kWordsAfterDate = 2;
  std::string d;
  bool dated = false;  // "ngày … tháng … năm …": a place and date line, whether its date reads or not
  if (w.size() >= 5 && w.size() <= 5 + kWordsAfterDate && starts_with(w[0], "ngay") && w[1] == "thang" && w[3] == "nam") {
    // A draft's date before its day is filled in: "ngày_ tháng 11 năm 2025".
    const std::string month = digits_read(w[2]), year = digits_read(w[4]);
    if (!iso_date("1", month, year).empty()) d = iso_date("1", month, year).substr(0, 7);
  } else if (w.size() >= 6 && w.size() <= 6 + kWordsAfterDate && is(w[0], "ngay") && is(w[2], "thang") &&
             is(w[4], "nam")) {
    dated = true;
    for (size_t k : {1, 3, 5}) w[k] = digits_read(w[k]);
    d = iso_date(w[1], w[3], w[5]);
    // OCR damaged the day ("ngày (s tháng 10 năm 2025"): keep year and month.
    if (d.empty() && !iso_date("1", w[3], w[5]).empty()) d = iso_date("1", w[3], w[5]).substr(0, 7);
  }
  else if (w.size() >= 2 && w.size() <= 2 + kWordsAfterDate && w[0] == "ngay") {
    const std::string& x = w[1];
    const size_t a = x.find('/'), b = a == std::string::npos ? a : x.find('/', a + 1);
    if (b != std::string::npos) d = iso_date(x.substr(0, a), x.substr(a + 1, b - a - 1), x.substr(b + 1));
  }
  if (d.empty() && !dated) return false;
  std::string p = text::collapse_whitespace(std::string_view(seg).substr(0, comma));
  // OCR may merge the number column and the place into one: "Số 215-BC/TU
  // Lạng Sơn", "$6 14-CWHU Bình Giang", "103 -BC/ĐU Lạng Sơn", a draft's
  // "Số: /PA-UBND Bình Thủy". After a "Số" or a code, the place is the
  // words after the last that looks like a code (code_like), or like the
  // unit a code lost (lost_code_unit: "134-BB Dl Cao Thắng").
  // A place that opens with an S ("Sơn La", "Sóc Trăng") is no "Số" unless
  // a colon or a code follows it.
  const std::vector<std::string> pw = words_of(p);
  const bool numbered = !pw.empty() && (code_like(pw[0]) || (opens_number_line(pw[0]) &&
                                                             (pw[0].find(':') != std::string::npos ||
                                                              std::any_of(pw.begin() + 1, pw.end(), code_like))));
  if (numbered) {
    size_t end = 0;  // where the "Số" or the last code-like word ends
    for (size_t k = 0, at = 0; k < pw.size(); ++k) {
      at = p.find(pw[k], at) + pw[k].size();
      if (k == 0 || code_like(pw[k]) || (code_like(pw[k - 1]) && !lost_code_unit(pw[k]).empty())) end = at;
    }
    const size_t sp = p.find(' ', end);
    p = sp == std::string::npos ? std::string() : text::collapse_whitespace(std::string_view(p).substr(sp + 1));
  }
  // A place is a few words without digits or quote marks ("Lạng Sơn", "TP.
  // Hồ Chí Minh"), not a title that cites a dated document nor the end of a
  // quotation in prose ('... Albanese". VOV, ngày 5/6/2023').
  const auto place_words = words_of(p);
  if (p.empty() || place_words.size() > 5 || p.find_first_of("0123456789\"") != std::string::npos ||
      p.find("\u201C") != std::string::npos || p.find("\u201D") != std::string::npos)
    return false;
  place = p;
  date = d;
  return true;
}

// The ASCII letters of a folded word ("lip." -> "lip").
std::string letters_only(std::string_view folded) {
  std::string out;
  for (char c : folded)
    if (c >= 'a' && c <= 'z') out.push_back(c);
  return out;
}

// Whether folded words f[from..] hold, within their first five, "hạnh
// phúc" as OCR may leave it (a word one letter from "hanh", then one that
// opens with "ph": "Hanh phous"), and no "lap" before it (the motto's own
// "lập" is further on: "SƠN LA Độc lập Tự do Hạnh phúc").
bool hanh_phuc_from(const std::vector<std::string>& f, size_t from) {
  for (size_t j = from; j + 1 < f.size() && j < from + 5; ++j) {
    if (letters_only(f[j]) == "lap") return false;
    if (text::within_one_edit(letters_only(f[j]), "hanh") && starts_with(f[j + 1], "ph")) return true;
  }
  return false;
}

// The segment up to a motto that OCR ran into it ("TỈNH LẠNG SƠN Độc lập - ...").
std::string cut_motto(const std::string& seg) {
  std::vector<std::string> w;
  for (size_t i = 0; i < seg.size();) {
    size_t e = seg.find(' ', i);
    if (e == std::string::npos) e = seg.size();
    w.push_back(seg.substr(i, e - i));
    i = e + 1;
  }
  std::vector<std::string> f;
  for (const auto& x : w) f.push_back(folded_lower(x));
  for (size_t i = 1; i + 2 < w.size() + 1; ++i) {
    const bool dang = i + 2 < w.size() && f[i + 1] == "cong" && f[i + 2] == "san";
    const bool cong_hoa = i + 1 < w.size() && f[i] == "cong" && starts_with(f[i + 1], "ho") && i + 2 < w.size() &&
                          text::within_one_edit(f[i + 2], "xa");  // "CỘNG HÒA XNA HOLCHU ..."
    // "CONGHOA XÃ HỘI": the two words glued.
    const bool glued_cong_hoa = i + 1 < w.size() && f[i].starts_with("cong") &&
                                text::within_one_edit(f[i], "conghoa") && text::within_one_edit(f[i + 1], "xa");
    const bool doc_lap = i + 2 < w.size() && f[i + 1] == "lap" && f[i + 2] == "-";
    // Damaged beyond that, "lập" one letter off and "hạnh ph..." soon
    // after it: "TỈNH NGHỆ AN Pre Lip. Tudo» Hanh phous".
    const bool damaged_doc_lap =
        i + 1 < w.size() && text::within_one_edit(letters_only(f[i + 1]), "lap") && hanh_phuc_from(f, i + 2);
    if (dang || cong_hoa || glued_cong_hoa || doc_lap || damaged_doc_lap) {
      std::string out;
      for (size_t k = 0; k < i; ++k) out += (k ? " " : "") + w[k];
      return out;
    }
  }
  return seg;
}

bool is_name(std::string_view s) {
  const text::CaseCounts c = text::count_cases(s);
  // Some small letters, and more of them than capitals ("PHÓ Bí THƯ" is no name).
  if (c.upper == 0 || c.lower == 0 || c.upper > c.lower || s[0] == '(' || s[0] == '-') return false;
  for (char c : s)
    if ((c >= '0' && c <= '9') || c == ':' || c == ',' || c == ';' || c == '/') return false;
  const auto w = words_of(s);
  if (w.size() < 2 || w.size() > 6) return false;
  for (const auto& word : w) {
    size_t i = 0;
    const char32_t cp = text::next_code_point(word, i);
    if (!text::is_upper(cp)) return false;
    // An abbreviation ("VHXH", "TP") is no part of a name: "Lưu: VT, VHXH. Nông Kim Hương".
    if (const text::CaseCounts wc = text::count_cases(word); wc.upper > 1 && wc.lower == 0) return false;
  }
  return true;
}

// Common Vietnamese surnames, folded: where a personal name starts.
bool is_surname(std::string_view folded_word) {
  static constexpr std::array<std::string_view, 32> kSurnames = {
      "nguyen", "tran", "le",    "pham", "hoang", "huynh", "phan", "vu",   "vo",   "dang", "bui",
      "do",     "ho",   "ngo",   "duong", "ly",   "quach", "trieu", "dinh", "doan", "luong", "trinh",
      "ha",     "mai",  "cao",   "lam",   "luu",  "ma",    "nong",  "be",   "lo",   "vi"};
  return std::find(kSurnames.begin(), kSurnames.end(), folded_word) != kSurnames.end();
}

// A name line that OCR ran two names into ("Nguyễn Thị Oanh Dương Hữu
// Toàn": a co-signer's or a recipient's, then the signer's): the last name,
// from the last surname that leaves it two to four words.
std::string last_name_of(const std::string& line) {
  std::vector<std::string> w;  // split at spaces only: "TP." keeps its stop
  for (size_t i = 0; i < line.size();) {
    const size_t e = std::min(line.find(' ', i), line.size());
    if (e > i) w.push_back(line.substr(i, e - i));
    i = e + 1;
  }
  // The end of a recipient before it: "Lưu: VT, TP. Huỳnh Anh Minh".
  size_t lead = 0;
  while (lead + 2 < w.size() && w[lead].size() >= 2 && w[lead].back() == '.' && text::all_upper(w[lead])) ++lead;
  if (lead > 0) {
    w.erase(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(lead));
    std::string rest;
    for (const auto& word : w) rest += (rest.empty() ? "" : " ") + word;
    return last_name_of(rest);
  }
  if (w.size() <= 4) return line;
  for (size_t start = w.size() - 2; start-- > 1;) {
    if (w.size() - start > 4) break;
    if (!is_surname(folded_lower(w[start]))) continue;
    std::string out;
    for (size_t k = start; k < w.size(); ++k) out += (out.empty() ? "" : " ") + w[k];
    return out;
  }
  return line;
}

// Whether `word` opens with a capital letter.
bool opens_with_capital(std::string_view word) {
  size_t i = 0;
  return !word.empty() && text::is_upper(text::next_code_point(word, i));
}

// OCR may run a recipient and the signature column together with single
// spaces: "- Ban Thường vụ Tỉnh ủy (B/c), - BÍ THƯ", "- TT HĐND tỉnh; KT.
// CHỦ TỊCH", "- Lưu: VT, NV. PHÓ CHỦ TỊCH". Cuts the capitals after the
// last " - ", or the signature column (or the signer's name: "- Lưu VP.
// Phan Quốc Hội") after the first "; ", ", " or ". " that one follows, off
// `item` and returns them (empty when there are none).
std::string glued_signature(std::string& item) {
  if (const size_t dash = item.rfind(" - "); dash != std::string::npos && dash > 0) {
    std::string tail = text::collapse_whitespace(std::string_view(item).substr(dash + 3));
    if (!tail.empty() && text::all_upper(tail) && words_of(tail).size() <= 6) {
      item.erase(dash);
      return tail;
    }
  }
  // Run on with a space alone: "- Ban cán sự đảng UBND BÍ THƯ". The
  // longest run of words in capitals at the end that reads as a position
  // (restoration may lower a letter of its first: "UBND Bí THƯ").
  const std::vector<std::string> w = words_of(item);
  for (size_t k = 1; k < w.size(); ++k) {
    if (!text::all_upper(w[k]) && !opens_with_capital(w[k])) continue;
    const size_t at = item.rfind(" " + w[k]);  // words_of splits at spaces and ,.;
    if (at == std::string::npos) continue;
    std::string tail = text::collapse_whitespace(std::string_view(item).substr(at + 1));
    if (!text::mostly_upper(tail) || words_of(tail).size() != w.size() - k) continue;
    if (!signature_column(tail)) continue;
    item.erase(at);
    return tail;
  }
  for (size_t i = 1; i + 2 < item.size(); ++i) {
    // ';' may be read as ':' ("- Sở Tài chính, Sở Nội vụ: CHỦ TỊCH").
    if ((item[i] != ';' && item[i] != ',' && item[i] != '.' && item[i] != ':') || item[i + 1] != ' ') continue;
    std::string tail = text::collapse_whitespace(std::string_view(item).substr(i + 2));
    if (!signature_column(tail) && !is_name(tail)) continue;  // the signer's name, too
    item.erase(i + 1);
    return tail;
  }
  return {};
}

// A footnote at the foot of a page: "2 Nghị quyết số ..." (a number, a
// space, then text), which ends the recipients list.
bool footnote_line(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && i < 3 && line[i] >= '0' && line[i] <= '9') ++i;
  return i > 0 && i < line.size() && line[i] == ' ';
}

// Whether a line of the recipients list has the signature column beside it
// (a segment of its own, or run on: "2 án tỉnh: PHÓ CHỦ TỊCH"), so that a
// number opening it is an item's damaged "- ", not a footnote's.
bool beside_signature(const Line& line) {
  if (line.segments().size() > 1) return true;
  std::string text(line.trimmed());
  return !glued_signature(text).empty();
}

// The line of the first "- " item within kFootnoteLines lines (blank ones
// not counted) after the footnote's first at line `at` (before `end`), or
// `at` when there is none.
size_t item_after_footnote(const Lines& lines, size_t at, size_t end) {
  constexpr size_t kFootnoteLines = 3;
  for (size_t j = at + 1, seen = 0; j < end && seen <= kFootnoteLines; ++j) {
    const std::string_view t = lines.view(j).trimmed();
    if (t.empty()) continue;
    if (item_mark(t) > 0) return j;
    ++seen;
  }
  return at;
}

// Heading rank of a body line, or -1: "Phần thứ ..." 0, "A-" 1, "I-" 2,
// "Điều 1." 3, "1." 4, "1.1." 5, ...
int heading_rank(std::string_view line) {
  if (line.size() < 3) return -1;
  // Folding costs an allocation: only for lines that may say "Phần"/"Điều".
  const std::string f = opens_with_letter(line, "PpĐđDd") ? folded_prefix(line, 24) : std::string();
  if (starts_with(f, "phan thu ")) return 0;
  if (starts_with(f, "dieu ")) {
    size_t i = 5;
    while (i < f.size() && f[i] >= '0' && f[i] <= '9') ++i;
    if (i > 5 && i < f.size() && f[i] == '.') return 3;
  }
  size_t i = 0;
  while (i < line.size() && (line[i] == 'I' || line[i] == 'V' || line[i] == 'X')) ++i;
  if (i > 0 && i <= 5 && i + 1 < line.size() && (line[i] == '-' || line[i] == '.') && line[i + 1] == ' ') return 2;
  if (line[0] >= 'A' && line[0] <= 'Z' && (line[1] == '-' || line[1] == '.') && line[2] == ' ') return 1;
  int depth = 0;
  i = 0;
  while (i < line.size()) {
    size_t j = i;
    while (j < line.size() && line[j] >= '0' && line[j] <= '9') ++j;
    if (j == i || j - i > 2 || j >= line.size() || line[j] != '.') break;
    ++depth;
    i = j + 1;
    if (i < line.size() && line[i] == ' ') return depth > 0 ? 3 + depth : -1;
  }
  return -1;
}

// Where the parts of a document lie. Each stage of extract_metadata finds
// one and reads its fields; later stages start from what earlier ones found.
struct Layout {
  explicit Layout(std::string_view text) : lines(text), n(lines.size()) {}
  Lines lines;
  size_t n;                // lines.size()
  size_t number_line = 0;  // the "Số ..." line, or n
  size_t body_start = 0;   // the first line after the type line and title (or the "V/v" subject)
  size_t sign_start = 0;   // the last "Nơi nhận:" line, or n
};

// A motto or a place and date on the line, in either column: the line
// belongs to a document's header.
bool shows_header(const Line& line) {
  const std::string f = folded_lower(line.flat());
  for (std::string_view motto : {"cong san viet nam", "xa hoi chu nghia", "doc lap", "hanh phuc"})
    if (f.find(motto) != std::string::npos) return true;
  std::string place, date;
  for (const Segment& s : line.segments())
    if (parse_place_date(s.text, place, date)) return true;
  return false;
}

// Whether line i carries on a sentence of prose: the line above it (the
// last that is not blank) is a long one of one column, in small letters.
// A header's number line follows the issuer's capitals (beside the motto),
// a star or a blank line.
bool continues_prose(const Lines& lines, size_t i) {
  constexpr size_t kProseBytes = 50;
  while (i-- > 0) {
    const Line above = lines.view(i);
    if (above.blank()) continue;
    return above.flat().size() >= kProseBytes && above.segments().size() == 1 && !text::mostly_upper(above.flat()) &&
           !shows_header(above);
  }
  return false;
}

// The own number line ("Số: 45/KH-UBND"), or lines.size(): not one that a
// sentence runs into ("... theo Quyết định / số 17/2025/QĐ-UBND ngày ...").
size_t find_number_line(std::string_view text, const Lines& lines) {
  const auto span = number_line_span(text);
  if (span.first == std::string_view::npos) return lines.size();
  const size_t at = lines.line_starting_at(span.first);
  return continues_prose(lines, at) ? lines.size() : at;
}

// A code whose '/' OCR read as ':' or a quote, after which restoration made
// the issuer part a word ("433-KL:Dù", "3-NQ‘Hư"): the slash back, and that
// part in capitals ("433-KL/ĐU", "3-NQ/HU").
std::string mend_code_slash(const std::string& code) {
  if (code.find('/') != std::string::npos) return code;
  // "V/" read as one "W" ("14-CWHU"): CV (công văn) is the one type that ends in V.
  if (const size_t at = code.find("-CW"); at != std::string::npos && at + 3 < code.size())
    return code.substr(0, at + 2) + "V/" + code.substr(at + 3);
  for (std::string_view mark : kSlashReadings) {
    const size_t at = code.rfind(mark);
    if (at == std::string::npos || at == 0 || at + mark.size() >= code.size()) continue;
    std::string tail = text::to_upper(vi::fold(code.substr(at + mark.size())));
    if (tail.empty() || text::to_u32(tail).size() > 4) continue;
    if (tail == "DU") tail = "ĐU";
    return code.substr(0, at) + "/" + tail;
  }
  return code;
}

// Own number and code: "Số 215-BC/TU" / "Số: 45/KH-UBND".
void read_number(const Line& l, Metadata& md) {
  std::string seg = l.segments().empty() ? std::string() : l.segments()[0].text;
  size_t i = seg.find_first_of(" :");  // past "Số" / "So" / "S6"
  if (i == std::string::npos) i = seg.size();
  while (i < seg.size() && (seg[i] == ' ' || seg[i] == ':')) ++i;
  size_t e = seg.find(' ', i);
  // OCR may put spaces inside the code: "103 -BC/ĐU", "631 /BC-UBND",
  // "684 - KL/TU".
  const auto joiner = [](char c) { return c == '-' || c == '/'; };
  while (e != std::string::npos && e + 1 < seg.size() && (joiner(seg[e + 1]) || (e > i && joiner(seg[e - 1])))) {
    seg.erase(e, 1);
    e = seg.find(' ', e);
  }
  md.code = seg.substr(i, e == std::string::npos ? std::string::npos : e - i);
  while (!md.code.empty() && (md.code.back() == ',' || md.code.back() == '.')) md.code.pop_back();
  // A slash read as a semicolon or colon, a space after it: "14; UBND-NV",
  // "176: BND-TP". The number, then the capitals of the code's tail.
  if (md.code.size() >= 2 && (md.code.back() == ';' || md.code.back() == ':') && e != std::string::npos &&
      std::all_of(md.code.begin(), md.code.end() - 1, [](char c) { return c >= '0' && c <= '9'; })) {
    const size_t w = seg.find_first_not_of(' ', e);
    const size_t end = w == std::string::npos ? w : seg.find(' ', w);
    const std::string tail = w == std::string::npos ? std::string() : seg.substr(w, end == std::string::npos ? end : end - w);
    if (tail.find('-') != std::string::npos && text::count_cases(tail).lower == 0 && text::has_letter(tail)) {
      md.code.back() = '/';
      md.code += tail;
      e = end;
    }
  }
  if (e != std::string::npos && md.code.find('/') == std::string::npos && md.code.find('-') != std::string::npos) {
    const size_t w = seg.find_first_not_of(' ', e);
    const std::string unit = w == std::string::npos ? std::string() : lost_code_unit(seg.substr(w, seg.find(' ', w) - w));
    if (!unit.empty()) md.code += "/" + unit;
  }
  // A draft's code has no number yet ("Số:      /TTr-UBND"): none to give.
  md.code = md.code.empty() ? std::string() : mend_code_shape(mend_code_slash(md.code));
  size_t d = 0;
  while (d < md.code.size() && md.code[d] >= '0' && md.code[d] <= '9') ++d;
  md.number = md.code.substr(0, d);
  // A code names its type or issuer in letters; without them ("283",
  // "14/202": the rest lost to OCR) it is no code a filter could use.
  if (std::none_of(md.code.begin(), md.code.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c & 0x80); }))
    md.code.clear();
}

// Place and date: "Cao Bằng, ngày 12 tháng 6 năm 2025", usually on the
// number line. Returns the line read, or doc.n.
size_t read_place_date(const Layout& doc, Metadata& md) {
  const size_t head_end = std::min(doc.n, (doc.number_line < doc.n ? doc.number_line : 10) + 4);
  for (size_t i = 0; i < head_end; ++i) {
    const std::vector<Segment>& segs = doc.lines.at(i).segments();
    for (size_t k = 0; k < segs.size(); ++k) {
      if (segs[k].text.size() > kHeaderLineBytes) continue;
      if (parse_place_date(segs[k].text, md.place, md.date)) return i;
      // A draft's blank day, wide enough to look like a column gap:
      // "Sông Lô, ngày      tháng 05 năm 2018".
      if (k + 1 < segs.size() && parse_place_date(segs[k].text + " " + segs[k + 1].text, md.place, md.date)) return i;
    }
  }
  return doc.n;
}

// The draft marker `seg` is, in its canonical spelling ("Dự thảo", "Dự
// thảo lần 2"), read through OCR damage ("D thao lan 2", "Du thao"), or "".
std::string draft_marker(std::string_view seg) {
  if (seg.size() > 32) return {};
  auto w = words_of(folded_lower(seg));
  for (std::string& word : w)  // specks OCR put beside a word: "Dự thảo [lần 2"
    std::erase_if(word, [](char c) { return c == '[' || c == ']' || c == '(' || c == ')' || c == '|'; });
  if (w.size() != 2 && w.size() != 4) return {};
  const bool du = !w[0].empty() && w[0][0] == 'd' && w[0].size() <= 3;
  const bool thao = w[1] == "thao" || w[1] == "thio" || w[1] == "thdo" || w[1] == "th4o" || w[1] == "than";
  if (!du || !thao) return {};
  if (w.size() == 2) return "Dự thảo";
  const bool lan = w[2] == "lan" || w[2] == "1an" || w[2] == "ian";
  if (!lan || w[3].size() > 2 || !std::all_of(w[3].begin(), w[3].end(), [](char c) { return c >= '0' && c <= '9'; }))
    return {};
  return "Dự thảo lần " + w[3];
}

// Where in folded `f` a draft marker that ends it begins, after other
// words; npos when there is none.
size_t trailing_draft_marker(std::string_view f) {
  for (size_t at = f.find(" du tha"); at != std::string::npos; at = f.find(" du tha", at + 1))
    if (!draft_marker(f.substr(at + 1)).empty()) return at + 1;
  return std::string_view::npos;
}

// `line` without a draft marker that OCR ran into its end ("BỘ NỘI VỤ Dự
// thảo lần 2", "HUYỆN SI MA CAI ~ DỰ THẢO LẦN 3").
std::string cut_draft_marker(const std::string& line) {
  const std::string f = folded_lower(line);
  if (const size_t at = trailing_draft_marker(f); at != std::string::npos) {
    // The same words in `line`: count the spaces before them.
    const size_t words_before = static_cast<size_t>(std::count(f.begin(), f.begin() + static_cast<std::ptrdiff_t>(at), ' '));
    size_t cut = 0;
    for (size_t seen = 0; cut < line.size() && seen < words_before; ++cut)
      if (line[cut] == ' ') ++seen;
    std::string kept = line.substr(0, cut);
    while (!kept.empty() && (kept.back() == ' ' || kept.back() == '~' || kept.back() == '-')) kept.pop_back();
    return kept;
  }
  return line;
}

// The unit a place names, when one does unambiguously; else the unit the
// longest tail of two words or more names, when OCR left junk before the
// place ("The L BND Sơn La", "TL Tây Ninh"); else nullopt. The units of
// `province` (the issuer's: issuer_province), and that province, are
// tried first: "Lam Pong" under "TỈNH ỦY LÂM ĐỒNG" is Lâm Đồng, whatever
// unit of another province it might also be.
std::optional<PlaceMatch> place_unit(const Gazetteer& places, std::string_view province, std::string_view place) {
  if (place.empty()) return std::nullopt;
  std::vector<PlaceQuery> queries(province.empty() ? 1 : 2);
  queries[0].province = province;  // then, with a province, any unit
  for (const PlaceQuery& query : queries) {
    if (const std::optional<PlaceMatch> m = places.lookup(place, query); m)
      return m->ambiguous ? std::nullopt : m;
    for (size_t from = place.find(' '); from != std::string_view::npos; from = place.find(' ', from + 1)) {
      const std::string_view tail = place.substr(from + 1);
      if (tail.find(' ') == std::string_view::npos) break;
      if (const std::optional<PlaceMatch> m = places.lookup(tail, query); m && !m->ambiguous) return m;
    }
  }
  return std::nullopt;
}

// The text of line `line` of `ocr` (the text restored into `doc`) that
// stands where `words` stand on the same line of `doc`: from the first of
// them to the last, as OCR read it before restoration. "" when the two
// lines do not hold as many words (restoration split one), or the words
// are not on that line.
std::string_view ocr_text_of(const Layout& doc, size_t line, std::string_view words, const Layout& ocr) {
  if (line >= doc.n || line >= ocr.n || words.empty()) return {};
  const auto restored = word_views(doc.lines.at(line).raw());
  const auto read = word_views(ocr.lines.at(line).raw());
  const auto wanted = word_views(words);
  if (restored.size() != read.size() || wanted.empty()) return {};
  for (size_t at = 0; at + wanted.size() <= restored.size(); ++at) {
    if (!std::equal(wanted.begin(), wanted.end(), restored.begin() + static_cast<std::ptrdiff_t>(at))) continue;
    const std::string_view first = read[at], last = read[at + wanted.size() - 1];
    return {first.data(), static_cast<size_t>(last.data() + last.size() - first.data())};
  }
  return {};
}

// The words of ocr_text_of, one space apart: a place as OCR read it.
std::string ocr_words_of(const Layout& doc, size_t line, std::string_view place, const Layout& ocr) {
  std::string out;
  for (std::string_view w : word_views(ocr_text_of(doc, line, place, ocr))) out.append(out.empty() ? "" : " ").append(w);
  return out;
}

// Whether a place no unit of the gazetteer matches may still be one (the
// gazetteer lacks some, and reads some two ways: "M'Đrắk", a district and
// a commune): no word in small letters, and none in capitals unless a
// syllable ("HÀ NỘI") or an abbreviation of three letters or fewer ("TP").
// OCR junk the header ran into it fails: "CTHTU Bắc acu", "SOFT YBC-UBND
// Vọng Liêm".
bool reads_as_place(std::string_view place) {
  for (const std::string& w : words_of(place)) {
    if (!text::has_letter(w)) continue;  // "Phan Rang - Tháp Chàm"
    if (!opens_with_capital(w)) return false;
    if (text::all_upper(w) && text::to_u32(w).size() > 3 && !vi::parse_syllable(text::to_lower(w))) return false;
  }
  return true;
}

// md.place as the unit it names (place_unit), read from the restored
// text's place line (line `line` of `doc`) or from the same words of the
// OCR's (`ocr`, when given), whichever is closer to a unit's name:
// restoration takes a damaged name for words ("Lam Pong" -> "Làm Nóng")
// that the OCR's letters still show.
void mend_place(const Gazetteer& places, const Layout& doc, size_t line, const Layout* ocr, Metadata& md) {
  if (md.place.empty()) return;  // most pages of an archive: no header
  const std::string province = issuer_province(md.issuer, places);
  std::optional<PlaceMatch> m = place_unit(places, province, md.place);
  if (ocr)
    if (const auto seen = place_unit(places, province, ocr_words_of(doc, line, md.place, *ocr));
        seen && (!m || seen->distance < m->distance))
      m = seen;
  if (m) md.place = std::string(m->unit->name);
  else if (!reads_as_place(md.place)) md.place.clear();  // "CTHTU Bắc acu": OCR junk, no place
}

// The star or rule under a Party body's name, as OCR reads it: one token
// of three letters or fewer ("*", "ok", "oe", "O*", "*KÌ").
bool is_decoration(std::string_view left) {
  if (left.find(' ') != std::string_view::npos) return false;
  size_t letters = 0;
  for (size_t i = 0; i < left.size();) letters += text::is_letter_or_mark(text::next_code_point(left, i));
  return letters <= 3;
}

// Whether the next line that is not blank after line `blank` (before
// `end`) shows the header beside it (shows_header): a row of the header
// that a blank line OCR set between its rows parts from the one above
// ("ỦY BAN NHÂN DÂN CỘNG HÒA ..." / "" / "HUYỆN LƯƠNG SƠN Độc lập ...").
bool header_row_follows(const Lines& lines, size_t blank, size_t end) {
  for (size_t j = blank + 1; j < end; ++j)
    if (!lines.view(j).blank()) return shows_header(lines.view(j));
  return false;
}

// Issuer: the left column above the number line (or the first block),
// mended (mend_issuer; its places read with `places` when given, and from
// the OCR's same words, `ocr`, where restoration lost them).
void read_issuer(const Layout& doc, const Gazetteer* places, const Layout* ocr, Metadata& md) {
  const size_t n = doc.n, number_line = doc.number_line;
  const size_t issuer_end = number_line < n ? number_line : std::min<size_t>(n, 6);
  // Without a number line, only a motto or a place and date beside it
  // shows the lines in capitals to be a header, not a chapter's heading.
  bool header = number_line < n;
  std::string read;  // the issuer's words as the OCR (`ocr`) read them: for the gazetteer's reading
  size_t read_pieces = 0;
  for (size_t i = 0; i < issuer_end; ++i) {
    const Line& line = doc.lines.at(i);
    if (line.blank()) {
      if (number_line == n && !md.issuer.empty() && !header_row_follows(doc.lines, i, issuer_end)) break;
      continue;
    }
    if (is_type_name(folded_prefix(line.trimmed(), 40))) break;  // no header: the type line opens the document
    if (line.raw().size() > kHeaderLineBytes) continue;
    std::string left = cut_motto(line.left());
    if (left.empty() || is_decoration(left)) continue;
    const std::string f = folded_lower(left);
    bool motto = false;
    for (auto m : kMottos) motto |= f == m;
    header |= shows_header(line);
    std::string p, d;
    if (motto || f.find("hanh phuc") != std::string::npos || f.find("xa hoi chu nghia") != std::string::npos ||
        parse_place_date(left, p, d) || !draft_marker(left).empty())
      continue;
    left = cut_draft_marker(left);
    if (!text::mostly_upper(left)) continue;  // a body's name is in capitals; prose is not
    if (!md.issuer.empty()) md.issuer.push_back(' ');
    md.issuer += left;
    if (ocr && places && (read_pieces == 0 || !read.empty())) {  // the OCR's same words, while every piece has them
      const std::string piece = ocr_words_of(doc, i, left, *ocr);
      read.append(read.empty() ? "" : " ").append(piece);
      if (piece.empty()) read.clear();
      ++read_pieces;
    }
  }
  md.issuer = header ? mend_issuer(md.issuer, places, read) : std::string();
}

// Whether `line` opens a document's body as its first words do after the
// title ("Căn cứ Luật ...", "Thực hiện Kế hoạch ...", "Xét đề nghị ...",
// "Kính gửi: ..."), capitalised: a title's own lines go on in small
// letters ("... kết quả\nthực hiện Nghị quyết ...") or in capitals.
bool opens_body(std::string_view line) {
  size_t i = 0;
  if (line.empty() || !text::is_upper(text::next_code_point(line, i)) || text::mostly_upper(line)) return false;
  const std::string f = folded_prefix(line, 16);
  for (std::string_view lead : {"can cu ", "thuc hien ", "xet de nghi", "theo de nghi", "kinh gui"})
    if (starts_with(f, lead)) return true;
  return false;
}

// Type line, title (trích yếu) and "V/v" subject. Returns where the body starts.
size_t read_type_and_title(const Layout& doc, Metadata& md) {
  const Lines& lines = doc.lines;
  const size_t n = doc.n;
  const size_t scan_from = doc.number_line < n ? doc.number_line + 1 : 0;
  size_t body_start = scan_from;
  std::string subject;
  for (size_t i = scan_from; i < std::min(n, scan_from + 30); ++i) {
    const std::string& flat = lines.at(i).flat();
    if (flat.empty()) continue;
    const std::string f = folded_prefix(flat, 48);
    if (subject.empty() && opens_subject(f)) {
      size_t j = i;
      for (; j < n; ++j) {
        const Line line = lines.view(j);
        if (line.blank() || is_rule(line.trimmed()) || (j > i && starts_with(folded_prefix(line.trimmed(), 12), "kinh gui")))
          break;
        append_words(subject, line.segments()[0].text);
      }
      body_start = j;
      if (md.type.empty()) continue;
    }
    if (!md.type.empty() || flat.size() > 40 || !text::mostly_upper(flat)) continue;  // "quy định.": prose
    md.type = type_named(f);
    if (md.type.empty()) continue;
    size_t j = i + 1;
    if (j < n && lines.view(j).blank() && j + 1 < n && !lines.view(j + 1).blank()) ++j;  // OCR spacing
    for (; j < n; ++j) {
      const Line line = lines.view(j);
      if (line.blank() || is_rule(line.trimmed())) break;
      // A line in capitals after a title that is not, or a heading (OCR
      // lost the blank line before it): a body's name or the text's first
      // heading ("Chương I", "I. ..."), no more of the title.
      if (!md.title.empty() && !text::mostly_upper(md.title) && text::mostly_upper(line.flat()) &&
          line.flat().find(' ') != std::string::npos)
        break;
      if (!md.title.empty() && (heading_rank(line.flat()) >= 0 || starts_with(folded_prefix(line.flat(), 12), "chuong ")))
        break;
      if (!md.title.empty() && opens_body(line.flat())) break;
      append_words(md.title, line.flat());
    }
    body_start = j;
    break;
  }
  if (md.type.empty() && !subject.empty()) md.type = "CÔNG VĂN";
  mend_subject_lead(subject);
  if (md.title.empty()) md.title = subject;
  md.title = mend_title_punctuation(without_stray_quotes(std::move(md.title)));
  return body_start;
}

// Draft marker near the top: "Dự thảo", "Dự thảo lần 2".
void read_draft(const Layout& doc, Metadata& md) {
  for (size_t i = 0; i < std::min<size_t>(doc.n, 25) && md.draft.empty(); ++i)
    for (const auto& s : doc.lines.at(i).segments()) {
      md.draft = draft_marker(s.text);
      // Run into the issuer's line, in capitals before it, or after a
      // speck ("BỘ NỘI VỤ Dự thảo lần 2", "~ Dự thảo lần 3"; not prose:
      // "Xem toàn văn dự thảo").
      if (md.draft.empty() && s.text.size() <= kHeaderLineBytes) {
        const std::string f = folded_lower(s.text);
        const size_t at = trailing_draft_marker(f);
        const std::string before = at == std::string::npos ? std::string() : cut_draft_marker(s.text);
        if (at != std::string::npos && (!text::has_letter(before) || text::mostly_upper(before)))
          md.draft = draft_marker(f.substr(at));
      }
      if (!md.draft.empty()) break;
    }
}

// Whether a line opens with "Nơi nhận" as OCR and restoration leave it:
// each word one letter off at most ("Núi nhạn:", "Noi nhin").
bool opens_recipients(std::string_view line) {
  if (!opens_with_letter(line, "Nn")) return false;
  const auto w = words_of(folded_prefix(line, 24));
  if (w.size() < 2) return false;
  auto bare = [](std::string s) {
    while (!s.empty() && (s.back() == ':' || s.back() == ';')) s.pop_back();
    return s;
  };
  return text::within_one_edit(bare(w[0]), "noi") && text::within_one_edit(bare(w[1]), "nhan");
}

// The last "Nơi nhận:" line after the body's start, or n. Failing that, the
// last short "...:" line of the document's end that a list of "- " items
// follows: the words before its colon damaged beyond reading ("Xác nhận:").
size_t find_recipients_line(const Layout& doc) {
  for (size_t i = doc.n; i-- > doc.body_start;)
    if (opens_recipients(doc.lines.view(i).trimmed())) return i;
  constexpr size_t kEndLines = 45;
  for (size_t i = doc.n; i-- > std::max(doc.body_start, doc.n > kEndLines ? doc.n - kEndLines : 0);) {
    const std::string_view t = doc.lines.view(i).trimmed();
    const size_t colon = t.find(':');
    if (colon == std::string_view::npos || colon > 24 || words_of(t.substr(0, colon)).size() > 3) continue;
    size_t next = i + 1;
    while (next < doc.n && doc.lines.view(next).blank()) ++next;
    if (next == doc.n) continue;
    if (const std::string_view item = doc.lines.view(next).trimmed(); !item.empty() && item[0] == '-') return i;
  }
  return doc.n;
}

// Whether a recipient's line ends it: with the ';' the rules put after
// each, or the ':' OCR reads one as. Its line may also end with ',' (the
// Party's rules) or with none, where the item goes on below.
bool ends_item(std::string_view line) {
  while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
  return !line.empty() && (line.back() == ';' || line.back() == ':');
}

// A recipient OCR ran over two lines or more, read again by the restorer
// (`restore`) from the OCR of all its lines as one phrase (`ocr`): it read
// each line apart when the signature column came between them ("... đảng
// ủy trực (Đã ký)\n\nthuộc;" was restored "trực ... thuốc"). Without
// the two, or when a line's OCR cannot be told (restoration split a
// word), the lines' restored text is joined as it is.
class RecipientReader {
 public:
  RecipientReader(const Layout& doc, const Layout* ocr, const PhraseRestorer* restore)
      : doc_(doc), ocr_(restore ? ocr : nullptr), restore_(restore) {}

  // An item that opens on line `line`, cleaned (clean_item).
  std::string opened(size_t line, std::string item) {
    first_line_ = line;
    read_.clear();
    return item;
  }

  // `item` with `more`, the next of its lines (line `line`), run on. The
  // OCR of the item's first line is looked up only now: most items have one.
  std::string continued(const std::string& item, size_t line, const std::string& more) {
    if (ocr_ && read_.empty() && first_line_ != kUnknown) read_ = ocr_text_of(doc_, first_line_, item, *ocr_);
    first_line_ = kUnknown;
    const std::string_view piece = read_.empty() ? std::string_view() : ocr_text_of(doc_, line, more, *ocr_);
    if (piece.empty()) {
      read_.clear();
      return clean_item(item + " " + more);
    }
    read_.append(" ").append(piece);
    return clean_item((*restore_)(read_));
  }

 private:
  static constexpr size_t kUnknown = static_cast<size_t>(-1);
  const Layout& doc_;
  const Layout* ocr_;
  const PhraseRestorer* restore_;
  size_t first_line_ = kUnknown;  // the line of an item not yet continued
  std::string read_;              // the OCR of the item so far; "" when not known
};

// Reads the recipients from the "Nơi nhận:" list and returns the segments of
// the signature column (positions, "T/M ..." lines, the signer's name), top
// to bottom. Without a recipients list, the segments of the last lines.
std::vector<std::string> read_recipients(const Layout& doc, Metadata& md, const Layout* ocr = nullptr,
                                         const PhraseRestorer* restore = nullptr) {
  const Lines& lines = doc.lines;
  RecipientReader reader(doc, ocr, restore);
  const size_t n = doc.n, sign_start = doc.sign_start;
  std::vector<std::string> right;
  if (sign_start == n) {  // no recipients list: the signature block is among the last lines
    for (size_t i = n > 12 ? n - 12 : 0; i < n; ++i) {
      const Line line = lines.view(i);
      if (line.raw().size() <= kHeaderLineBytes)
        for (const auto& seg : line.segments()) right.push_back(seg.text);
    }
    return right;
  }
  constexpr size_t kSignatureLines = 40;  // recipients and signature; what follows is not
  bool closed = false;  // the last recipient's line ended it (ends_item)
  for (size_t i = sign_start; i < std::min(n, sign_start + kSignatureLines); ++i) {
    const Line l = lines.view(i);
    if (l.raw().size() > kHeaderLineBytes) continue;
    if (i > sign_start && footnote_line(l.trimmed()) && !beside_signature(l)) {
      // A page's footnote OCR set among the recipients: the list goes on
      // after it when a "- " item follows within a few lines.
      const size_t resume = item_after_footnote(lines, i, std::min(n, sign_start + kSignatureLines));
      if (resume == i) break;
      i = resume - 1;
      continue;
    }
    for (size_t s = 0; s < l.segments().size(); ++s) {
      const Segment& seg = l.segments()[s];
      if (s != 0 || !seg.left) {
        right.push_back(seg.text);
      } else if (i == sign_start) {
        // "Nơi nhận: - item" on one line.
        const size_t colon = seg.text.find(':');
        if (colon != std::string::npos && colon + 1 < seg.text.size()) {
          std::string rest = clean_item(seg.text.substr(colon + 1));
          // "Nơi nhận: T/M ĐẢNG ỦY", "Nơi nhận: CHỦ TỊCH" run together: the signature column.
          if (opens_signature(rest) || signature_column(rest) || (text::all_upper(rest) && words_of(rest).size() <= 6) ||
              damaged_signature_lead(rest))
            right.push_back(std::move(rest));
          else if (!rest.empty()) {
            closed = ends_item(seg.text);
            md.recipients.push_back(reader.opened(i, std::move(rest)));
          }
        }
      } else if (item_mark(seg.text) > 0) {
        std::string item = seg.text;
        if (std::string tail = glued_signature(item); !tail.empty()) right.push_back(std::move(tail));
        else if (std::string name = signer_after_archive_copy(item); !name.empty()) right.push_back(std::move(name));
        closed = ends_item(item);
        md.recipients.push_back(reader.opened(i, clean_item(item)));
      } else if (is_speck(seg.text)) {
        // A speck of the scan between the items ("i)", "©"): part of none.
      } else if (!md.recipients.empty() && (l.segments().size() > 1 || (!is_name(seg.text) && !text::all_upper(seg.text) &&
                                                                         !signature_column(seg.text)))) {
        // A line of the item above ("PHÓ Bí THƯ’" is none: a position, a
        // letter lowered), or, after one that ended, an item whose "- "
        // the scan lost ("- Đại biểu HĐND tỉnh:\nTT HĐND tỉnh,"), a
        // phrase: a word alone there is a speck of the signature column.
        std::string item = seg.text;
        if (!closed) {
          md.recipients.back() = reader.continued(md.recipients.back(), i, item);
        } else {
          std::string name = signer_after_archive_copy(item);  // leaves two words or more when it cuts
          if (std::string cleaned = clean_item(item); words_of(cleaned).size() >= 2) {
            if (!name.empty()) right.push_back(std::move(name));
            md.recipients.push_back(reader.opened(i, std::move(cleaned)));
          }
        }
        closed = ends_item(seg.text);
      } else {
        // An item whose "- " the scan lost, run on with the signature
        // column ("2 án tỉnh: PHÓ CHỦ TỊCH"): the column's part.
        std::string line_text = seg.text;
        std::string tail = md.recipients.empty() ? glued_signature(line_text) : std::string();
        right.push_back(tail.empty() ? seg.text : std::move(tail));
      }
    }
  }
  md.recipients = split_run_on_items(std::move(md.recipients));
  for (std::string& r : md.recipients) r = mend_recipient(without_stray_quotes(std::move(r)));
  return right;
}

// Signer: the last name in the signature column; position: the last line
// in capitals above it. Without a header, the issuer is the body the
// document is signed for ("T/M TỈNH ỦY"). Without a recipients list
// (`listed` false: `right` is only the last lines' segments), a name with
// neither a position above it nor a body signed for is prose ("... của
// Nhật Bản."), not a signature.
void read_signature(const std::vector<std::string>& right, bool listed, Metadata& md) {
  size_t name_at = right.size();
  for (size_t i = right.size(); i-- > 0;)
    if (is_name(right[i])) {
      name_at = i;
      break;
    }
  if (name_at < right.size()) {
    md.signer = last_name_of(right[name_at]);
    for (size_t i = name_at; i-- > 0;) {
      if (text::all_upper(right[i]) || signature_column(right[i])) {  // a letter lowered: "PHÓ Bí THƯ"
        md.signer_position = position_below(mend_position(text::to_upper(right[i])));
        break;
      }
    }
  }
  bool signed_for = false;
  for (size_t i = 0; i < right.size() && !signed_for; ++i) {
    std::string body = body_signed_for(right[i]);
    signed_for = !body.empty();
    if (md.issuer.empty()) md.issuer = std::move(body);
  }
  if (!listed && !signed_for && md.signer_position.empty()) md.signer.clear();
}

// Outline: the numbered headings of the body, ranked by their numbering.
void read_outline(const Layout& doc, Metadata& md) {
  std::vector<std::pair<std::string, int>> heads;
  for (size_t i = doc.body_start; i < std::min(doc.sign_start, doc.n); ++i) {
    const Line line = doc.lines.view(i);
    if (line.indented() || line.blank()) continue;
    const int r = heading_rank(line.trimmed());
    if (r >= 0) heads.emplace_back(line.flat(), r);
  }
  std::vector<int> ranks;
  for (const auto& h : heads) ranks.push_back(h.second);
  std::sort(ranks.begin(), ranks.end());
  ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
  for (auto& h : heads)
    md.outline.emplace_back(h.first, static_cast<int>(std::lower_bound(ranks.begin(), ranks.end(), h.second) - ranks.begin()) + 1);
}

// The signer extract_metadata() reads from `text` (laid out as `doc`),
// without reading the fields the signature block does not depend on.
std::string signer_of(std::string_view text, Layout& doc) {
  Metadata md;
  doc.number_line = find_number_line(text, doc.lines);
  doc.body_start = read_type_and_title(doc, md);
  doc.sign_start = find_recipients_line(doc);
  read_signature(read_recipients(doc, md), doc.sign_start < doc.n, md);
  return md.signer;
}

}  // namespace

Metadata extract_metadata(std::string_view text, ReferenceLists refs, std::string_view ocr) {
  Metadata md;
  Layout doc(text);
  std::optional<Layout> read_as;  // the OCR's lines, when given: what restoration may have lost
  if (!ocr.empty()) read_as.emplace(ocr);
  const Layout* ocr_doc = read_as ? &*read_as : nullptr;
  doc.number_line = find_number_line(text, doc.lines);
  if (doc.number_line < doc.n) read_number(doc.lines.at(doc.number_line), md);
  const size_t place_line = read_place_date(doc, md);
  read_issuer(doc, refs.places, ocr_doc, md);
  if (refs.places) mend_place(*refs.places, doc, place_line, ocr_doc, md);
  if (refs.places && !md.place.empty()) {
    md.issuer = with_dated_place(md.issuer, md.place, *refs.places);
    md.place = dated_place_from_issuer(md.place, md.issuer, *refs.places);
  }
  doc.body_start = read_type_and_title(doc, md);
  if (const std::string_view type = type_abbreviation(md.type); !type.empty() && !md.code.empty())
    md.code = with_type_part(md.code, type);  // "01-TTH/VPTU" under "TỜ TRÌNH"
  read_draft(doc, md);
  if (md.draft.empty() && ocr_doc) read_draft(*ocr_doc, md);  // restoration may hide it: "D thao" -> "Ở thảo"
  doc.sign_start = find_recipients_line(doc);
  read_signature(read_recipients(doc, md, ocr_doc, refs.restore_phrase), doc.sign_start < doc.n, md);
  if (refs.names && !md.signer.empty())
    md.signer = refs.names->read(md.signer, read_as ? signer_of(ocr, *read_as) : std::string(), refs.ocr_likelihood);
  read_outline(doc, md);
  return md;
}

}  // namespace vn::doc
