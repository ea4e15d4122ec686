#include "doc/citations.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

#include "doc/code_shape.hpp"
#include "text/edits.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "vi/fold.hpp"
#include "vi/tokenizer.hpp"

namespace vn::doc {
namespace {

using vi::folded_lower;

using text::all_digits;

struct TypeWord {
  std::string_view folded;  // lower case, no diacritics, words separated by one space
  std::string_view abbr;
};

constexpr std::array<TypeWord, 21> kTypeWords = {{
    {"nghi quyet", "NQ"}, {"nghi dinh", "NĐ"},     {"quyet dinh", "QĐ"}, {"ket luan", "KL"},
    {"chi thi", "CT"},    {"thong tu", "TT"},      {"ke hoach", "KH"},   {"bao cao", "BC"},
    {"cong van", "CV"},   {"thong bao", "TB"},     {"to trinh", "TTr"},  {"luat", "Luật"},
    {"huong dan", "HD"},  {"quy dinh", "QĐi"},     {"chuong trinh", "CTr"}, {"thong tri", "TTri"},
    {"de an", "ĐA"},      {"phuong an", "PA"},     {"bien ban", "BB"},  {"giay moi", "GM"},
    {"quy che", "QC"},
}};

// Type parts of codes ("18-NQ/TW" -> NQ), compared in upper case.
constexpr std::array<std::string_view, 20> kCodeTypes = {"NQ", "NĐ", "QĐ", "KL",  "CT",   "TT", "KH",
                                                          "BC", "CV", "TB", "TTr", "HD",   "CTr", "ĐA",
                                                          "PA", "QĐi", "TTri", "BB", "GM", "QC"};

// Issuer parts of codes, for telling "NQITW" (OCR read '/' as 'I') apart.
constexpr std::array<std::string_view, 9> kCodeIssuers = {"TW", "TU", "ĐU", "CP", "TTg", "UBND", "HĐND", "BCĐ", "VP"};

// Abbreviations holding Đ that OCR reads as D, B, P (or "DB"/"DP" for the
// one letter). ĐA does not take P: "PA" is its own type (phương án).
struct DAbbrev {
  std::u32string_view pattern;
  bool p_for_d;
};
constexpr std::array<DAbbrev, 9> kDAbbrevs = {{{U"QĐ", true}, {U"NĐ", true}, {U"ĐU", true}, {U"HĐND", true},
                                               {U"ĐĐ", true}, {U"HĐ", true}, {U"BCĐ", true}, {U"ĐA", false},
                                               {U"QĐI", true}}};

std::u32string upper32(std::string_view s) {
  std::u32string u = text::to_u32(s);
  for (auto& c : u) c = text::upper(c);
  return u;
}

bool is_letter_part(std::string_view p) {
  if (p.empty()) return false;
  size_t i = 0;
  bool letter = false;
  while (i < p.size()) {
    const char32_t cp = text::next_code_point(p, i);
    if (text::is_decimal_digit(cp)) continue;
    if (!text::is_letter_or_mark(cp)) return false;
    letter = true;
  }
  return letter;
}

// `up` is `a` with Đ read as D, B or (when allowed) P.
bool matches_d_abbrev(std::u32string_view up, const DAbbrev& a) {
  if (a.pattern.size() != up.size()) return false;
  for (size_t i = 0; i < up.size(); ++i) {
    const bool ok = a.pattern[i] == U'Đ'
                        ? up[i] == U'Đ' || up[i] == U'D' || up[i] == U'B' || (a.p_for_d && up[i] == U'P')
                        : up[i] == a.pattern[i];
    if (!ok) return false;
  }
  return true;
}

std::string repair_d(std::string_view part) {
  const std::u32string up = upper32(part);
  for (const DAbbrev& a : kDAbbrevs)
    if (matches_d_abbrev(up, a)) return text::to_utf8(a.pattern);
  // OCR may read Đ as two letters: "NDB-CP" -> "NĐ-CP".
  for (std::u32string_view two : {U"DB", U"DP"})
    if (const size_t at = up.find(two); at != std::u32string::npos) {
      const std::u32string one = up.substr(0, at) + U'Đ' + up.substr(at + 2);
      for (const DAbbrev& a : kDAbbrevs)
        if (matches_d_abbrev(one, a)) return text::to_utf8(a.pattern);
    }
  return std::string(part);
}

template <size_t N>
bool is_one_of(std::string_view part, const std::array<std::string_view, N>& known) {
  const std::u32string up = upper32(part);
  for (auto k : known)
    if (upper32(k) == up) return true;
  return false;
}

// The type part `part` is, up to case, in its own case ("QĐi",
// "TTr"), or "".
std::string known_part(std::string_view part) {
  const std::u32string up = upper32(part);
  for (auto k : kCodeTypes)
    if (upper32(k) == up) return std::string(k);
  return {};
}

// The National Assembly's term in "QH13", "UBTVQH15" read with letters
// for digits ("QHI3", "QHIS"): the digits back.
std::string assembly_term(std::string_view part) {
  const size_t qh = part.rfind("QH");
  if (qh == std::string_view::npos || part.size() != qh + 4 || (qh != 0 && part.substr(0, qh) != "UBTV")) return {};
  std::string out(part);
  for (size_t k = qh + 2; k < out.size(); ++k) {
    char& c = out[k];
    if (c == 'I' || c == 'l') c = '1';
    else if (c == 'S') c = '5';
    else if (c == 'O') c = '0';
    else if (c < '0' || c > '9') return {};
  }
  return out;
}

// `part` without the marks restoration may have given its letters ("ĐÃ"
// for "ĐA"): code parts carry none but Đ's stroke.
std::string without_marks(std::string_view part) {
  if (text::is_ascii(part)) return std::string(part);
  std::string out;
  for (size_t i = 0; i < part.size();) {
    const size_t from = i;
    const char32_t c = text::next_code_point(part, i);
    const std::string_view one = part.substr(from, i - from);
    out += c == U'Đ' || c == U'đ' ? std::string(one) : vi::fold(one);
  }
  return out;
}

// Capitals only, and the h of ThU.
bool all_capitals(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == 'h'; });
}

// The level of a Party body (kPartyLevels: "TW", "ĐU") that `part` is
// with a J or an A before it, or "".
std::string issuer_after_slash_read_twice(std::string_view part) {
  if (part.size() < 3 || (part[0] != 'J' && part[0] != 'A')) return {};
  const std::string issuer = repair_d(part.substr(1));
  for (std::string_view level : kPartyLevels)
    if (issuer == level) return issuer;
  return {};
}

std::string normalize_part(std::string_view raw) {
  const std::string part = without_marks(raw);
  if (std::string term = assembly_term(part); !term.empty()) return term;
  // The Prime Minister's "TTg" with its g read as y or q ("154/CT-TTy").
  if (part == "TTy" || part == "TTq") return "TTg";
  // A type as written stays: "HD" (hướng dẫn) is no damaged "HĐ".
  if (std::string k = known_part(part); !k.empty()) return k;
  std::string repaired = repair_d(part);
  if (std::string k = known_part(repaired); !k.empty()) return k;  // "QDi" -> "QĐI" -> "QĐi"
  if (repaired != part || is_one_of(part, kCodeIssuers)) return repaired;
  // "NQITW": a type and an issuer with the '/' read as I or l.
  for (size_t i = 1; i + 1 < part.size(); ++i) {
    if (part[i] != 'I' && part[i] != 'l') continue;
    const std::string type = repair_d(part.substr(0, i)), issuer = repair_d(part.substr(i + 1));
    if (is_one_of(type, kCodeTypes) && is_one_of(issuer, kCodeIssuers)) return type + "/" + issuer;
  }
  // "NQJTW", "HDAVPTW": a type and an issuer with the '/' read as J or A;
  // "JTW", "ADU": a Party issuer after a '/' read twice ("NQ/JTW").
  if (std::string issuer = issuer_after_slash_read_twice(part); !issuer.empty()) return issuer;
  for (size_t i = 1; i + 1 < part.size(); ++i) {
    if (part[i] != 'J' && part[i] != 'A') continue;
    std::string type = known_part(part.substr(0, i));  // "HD" as written, "QD" as QĐ
    if (type.empty()) type = known_part(repair_d(part.substr(0, i)));
    const std::string issuer = repair_d(part.substr(i + 1));
    if (!type.empty() && (is_one_of(issuer, kCodeIssuers) || (all_capitals(part.substr(i + 1)) && is_party_issuer(issuer))))
      return type + "/" + issuer;
  }
  // "CTrVPTU", "QDiTW": a type and a Party issuer with the '/' lost.
  for (size_t i = 2; i + 2 <= part.size() && part.size() - i <= 8; ++i) {
    const std::string type = known_part(repair_d(part.substr(0, i)));
    const std::string_view issuer = std::string_view(part).substr(i);
    if (!type.empty() && all_capitals(issuer) && is_party_issuer(issuer)) return type + "/" + repair_d(issuer);  // "h": ThU
  }
  return repaired;
}

// Splits a code at '-' and '/' into parts (separators kept apart).
std::vector<std::string_view> split_code(std::string_view code) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= code.size(); ++i) {
    if (i == code.size() || code[i] == '-' || code[i] == '/') {
      parts.push_back(code.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

std::string code_type(std::string_view normalized_code) {
  const auto parts = split_code(normalized_code);
  for (auto part : parts) {
    if (!is_letter_part(part)) continue;
    const std::u32string up = upper32(part);
    for (auto t : kCodeTypes)
      if (upper32(t) == up) return std::string(t);
  }
  // "1583/UBND-NC": number/issuer-unit without a type part is an official
  // letter's code (công văn).
  const size_t slash = normalized_code.find('/');
  if (parts.size() == 3 && all_digits(parts[0]) && slash == parts[0].size() && is_letter_part(parts[1]) &&
      is_letter_part(parts[2]) && normalized_code[slash + parts[1].size() + 1] == '-')
    return "CV";
  return {};
}


// True when only spaces (and `extra` punctuation) lie between two offsets.
bool gap_ok(std::string_view text, size_t from, size_t to, std::string_view extra) {
  for (size_t i = from; i < to; ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (extra.find(c) != std::string_view::npos) continue;
    return false;
  }
  return true;
}

std::string iso_date(int d, int m, int y) {
  if (d < 1 || d > 31 || m < 1 || m > 12 || y < 1900 || y > 2100) return {};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Stops growing at six digits: no day, month or year is that long, and a
// longer run ("năm 7777777777") would overflow.
int to_int(std::string_view s) {
  int v = 0;
  for (char c : s)
    if (v < 100000) v = v * 10 + (c - '0');
  return v;
}

struct Tokens {
  std::string_view text;
  const std::vector<vi::Token>& toks;
  std::string_view at(size_t i) const { return toks[i].text(text); }
  // Folded on demand: only the few tokens around codes are ever looked at.
  std::string folded(size_t i) const { return folded_lower(at(i)); }
  size_t end(size_t i) const { return toks[i].offset + toks[i].length; }
};

// A date starting at token i ("ngày 25/10/2017", "ngày 25 tháng 10 năm 2017"), or "".
std::string date_after(const Tokens& t, size_t i) {
  const size_t n = t.toks.size();
  if (i >= n || i == 0 || !gap_ok(t.text, t.end(i - 1), t.toks[i].offset, ",")) return {};
  if (t.folded(i) == "ngay") {
    ++i;
    if (i >= n || !gap_ok(t.text, t.end(i - 1), t.toks[i].offset, "")) return {};
  }
  if (t.toks[i].kind == vi::TokenKind::kCode) {
    auto parts = split_code(t.at(i));
    if (parts.size() == 3 && all_digits(parts[0]) && all_digits(parts[1]) && all_digits(parts[2]) &&
        parts[0].size() <= 2 && parts[1].size() <= 2 && parts[2].size() == 4 && t.at(i).find('-') == std::string_view::npos)
      return iso_date(to_int(parts[0]), to_int(parts[1]), to_int(parts[2]));
    return {};
  }
  if (i + 4 < n && all_digits(t.at(i)) && t.folded(i + 1) == "thang" && all_digits(t.at(i + 2)) &&
      t.folded(i + 3) == "nam" && all_digits(t.at(i + 4)) && gap_ok(t.text, t.end(i), t.toks[i + 1].offset, "") &&
      gap_ok(t.text, t.end(i + 1), t.toks[i + 2].offset, "") && gap_ok(t.text, t.end(i + 2), t.toks[i + 3].offset, "") &&
      gap_ok(t.text, t.end(i + 3), t.toks[i + 4].offset, ""))
    return iso_date(to_int(t.at(i)), to_int(t.at(i + 2)), to_int(t.at(i + 4)));
  return {};
}

// A '/' as OCR reads it in a cited code: kSlashReadings, and also ';',
// '°' and '¢' ("90;QĐ-TTg", "52°UBND-TH", "04¢CT-UBND"), which the
// document's own code reading (metadata's) has not been measured with.
bool reads_as_cited_slash(std::string_view gap) {
  return reads_as_slash(gap) || gap == ";" || gap == "\u00B0" || gap == "\u00A2";
}

// Whether `part` is a year a code may hold: four digits, 19xx or 20xx.
bool is_year(std::string_view part) {
  return part.size() == 4 && all_digits(part) && (part.starts_with("19") || part.starts_with("20"));
}

// "số" as OCR reads it; restoration keeps the ones in digits ("56", "86").
constexpr std::array<std::string_view, 8> kSoReadings = {"so", "s6", "s0", "s5", "56", "86", "36", "96"};

bool is_so(std::string_view folded) {
  return std::find(kSoReadings.begin(), kSoReadings.end(), folded) != kSoReadings.end();
}

// A code's number OCR read with letters for some of its digits, O for 0
// and I or l for 1 ("O1", "2I"), as digits; `number` as it is when it has
// none; "" when it has no digit or other letters.
std::string code_number_digits(std::string_view number) {
  std::string out(number);
  bool digit = false;
  for (char& c : out) {
    if (c >= '0' && c <= '9') digit = true;
    else if (c == 'O' || c == 'o') c = '0';
    else if (c == 'I' || c == 'l') c = '1';
    else return {};
  }
  return digit ? out : std::string();
}

// `code` with its number (what comes before the first '-' or '/') read as
// digits (code_number_digits: "O1/BNV-TCBC" -> "01/BNV-TCBC"); else as it is.
std::string with_number_read(std::string_view code) {
  const size_t end = std::min(code.find_first_of("-/"), code.size());
  const std::string number = end <= 4 ? code_number_digits(code.substr(0, end)) : std::string();
  return number.empty() ? std::string(code) : number + std::string(code.substr(end));
}

// The number token i is, read as digits ("2I" -> "21"), or "".
std::string number_at(const Tokens& t, size_t i) {
  if (t.toks[i].kind == vi::TokenKind::kNumber) return std::string(t.at(i));
  return t.at(i).size() <= 4 ? code_number_digits(t.at(i)) : std::string();
}

// Token i is a number and token i + 1 a code opening with letters, with
// only a hyphen and white space between them ("268- KH/TU", "69-\nNQ/TU",
// "11 -QĐi/TW"), or a '/' that OCR read as a quote, colon, semicolon,
// degree or cent sign ("749'QĐ-TTg", "90;QĐ-TTg", "52°UBND-TH"), or as a
// stop before a type part ("1815.TTr-UBND") or, after "số", as a space
// ("số 6 TTr-HĐND"); or a code opening with a
// year, after such a '/' ("178:2024-NĐ-CP", "30°2020/NĐ-CP"): the
// separator to join them with, else 0.
char split_number(const Tokens& t, size_t i) {
  const vi::Token& next = t.toks[i + 1];
  const std::string_view gap = t.text.substr(t.end(i), next.offset - t.end(i));
  const bool slash = reads_as_cited_slash(gap);
  const std::string_view first = split_code(t.at(i + 1))[0];
  const bool year_next = (next.kind == vi::TokenKind::kCode || next.kind == vi::TokenKind::kNumber) && is_year(first);
  if (slash && year_next && t.at(i).size() <= 4) return '/';
  const bool part = next.kind == vi::TokenKind::kWord && text::mostly_upper(t.at(i + 1));  // "749'QĐ-TTg"
  if ((next.kind != vi::TokenKind::kCode && !part) || !is_letter_part(first)) return 0;
  if (gap == "." && is_one_of(first, kCodeTypes) && t.at(i).size() <= 4) return '/';  // "1815.TTr-UBND"
  // "số 6 TTr-HĐND": a type part, with more after it, after "số", a
  // number and a space.
  const bool more = split_code(t.at(i + 1)).size() >= 2 ||
                    (t.end(i + 1) < t.text.size() && (t.text[t.end(i + 1)] == '-' || t.text[t.end(i + 1)] == '/'));
  if (gap == " " && is_one_of(first, kCodeTypes) && more && t.at(i).size() <= 4 && i > 0 && is_so(t.folded(i - 1)))
    return '/';
  if (const size_t hyphen = gap.find('-'); hyphen != std::string_view::npos && gap_ok(gap, 0, hyphen, "") &&
                                             gap.size() > 1 && gap_ok(gap, hyphen + 1, gap.size(), "-"))
    return '-';  // "19- -NQ/TW", "11 -QĐi/TW" too
  return slash ? '/' : 0;
}

// Token i ends a code (`raw`: a code token, or the last part joined to
// one) and token i + 1 is the issuer part OCR set apart ("263/QĐ -TTg",
// "22-QĐ/ TW", "749'QĐ-TTg" whose "QĐ-TTg" reads as two words, "6-KL TU")
// or the type part after a number and a year ("02/2021 TT-BNV"): the
// separator and the part as the code writes it, else an empty separator.
struct IssuerPart {
  std::string_view separator;
  std::string part;
};
IssuerPart split_issuer(const Tokens& t, size_t i, std::string_view raw) {
  if (i + 1 >= t.toks.size()) return {};
  const std::string_view gap = t.text.substr(t.end(i), t.toks[i + 1].offset - t.end(i));
  if (gap == " ") {
    // A '/' read as a space: before a Party level, after a number and a
    // type ("6-KE TU"), or before a type, after a number and a year
    // ("02/2021 TT-BNV").
    const std::string_view next = t.at(i + 1);
    const std::vector<std::string_view> parts = split_code(raw);
    const bool party_code = parts.size() == 2 && raw.find('/') == std::string_view::npos && is_letter_part(parts[1]);
    const bool dated_number = parts.size() == 2 && raw.find('-') == std::string_view::npos && is_year(parts[1]);
    if ((party_code && std::find(std::begin(kPartyLevels), std::end(kPartyLevels), next) != std::end(kPartyLevels)) ||
        (dated_number && next == known_part(next)))  // a type as written
      return {"/", std::string(next)};
    return {};
  }
  // One separator, as written, doubled ("263/QĐ- -TTg"), with a speck
  // ("202/2025'/QH") or as OCR reads a '/' ("22-QĐ:TW"), and spaces.
  std::string_view sep = gap;
  while (!sep.empty() && sep.front() == ' ') sep.remove_prefix(1);
  while (!sep.empty() && sep.back() == ' ') sep.remove_suffix(1);
  if (gap.size() > sep.size() + 2) return {};
  bool known = reads_as_cited_slash(sep);
  for (std::string_view s : {"-", "/", "- -", "--", "/-", "-/", ";-", "./", "'/", "\u2019/"}) known |= sep == s;
  known |= gap == ".";  // "36-HD.VPTW"; a stop with a space after ends a sentence
  const std::string_view part = t.at(i + 1);
  if (!known || part.size() > 8 || !is_letter_part(part)) return {};
  const std::string_view separator = sep[0] == '-' ? "-" : "/";
  if (text::mostly_upper(part)) return {separator, std::string(part)};
  // Restoration may read a Party issuer as a word ("17-KL‘TU" -> "17-KL‘Từ"),
  // and OCR lower a letter of one ("62/2020/NĐ- cP").
  const std::u32string bare = upper32(without_marks(part));
  if (bare == U"HU") return {separator, "HU"};
  for (const std::string_view issuer : kCodeIssuers)
    if (upper32(issuer) == bare) return {separator, std::string(issuer)};
  return {};
}

// The National Assembly's term that OCR set apart from a code ending in
// "QH" or "UBTVQH" (raw, the code read so far, ends at token i), after one
// space: "202/2025/QH 15", "25/2021/QH IS". The term's digits, else "".
std::string assembly_term_apart(const Tokens& t, size_t i, std::string_view raw) {
  if (i + 1 >= t.toks.size() || t.toks[i + 1].offset != t.end(i) + 1 || t.text[t.end(i)] != ' ') return {};
  const std::string_view last = raw.substr(std::min(raw.find_last_of("-/") + 1, raw.size()));
  if (last != "QH" && last != "UBTVQH") return {};
  const std::string_view term = t.at(i + 1);
  if (term.size() != 2) return {};
  const std::string whole = assembly_term(std::string(last) + std::string(term));
  return whole.empty() ? std::string() : whole.substr(whole.size() - 2);
}

// Token i a number, or a code ending in one, and token i + 1 a code whose
// number OCR split off one digit of, after one space: "121 1/2016/UBTVQH13",
// "01/201 1/TT-BNV" (a narrow "1" set apart), or a year split in two
// ("114/20 18/NĐ-CP"). Whether to join them.
bool split_digit(const Tokens& t, size_t i) {
  if (i + 1 >= t.toks.size() || t.toks[i + 1].kind != vi::TokenKind::kCode) return false;
  if (t.toks[i].kind != vi::TokenKind::kNumber && t.toks[i].kind != vi::TokenKind::kCode) return false;
  if (t.toks[i + 1].offset != t.end(i) + 1 || t.text[t.end(i)] != ' ') return false;
  const std::string_view a = t.at(i), b = t.at(i + 1);
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (!digit(a.back()) || b.size() < 3 || !digit(b[0])) return false;
  if (b[1] == '/') return true;
  const bool half_year = a.size() > 3 && a[a.size() - 3] == '/' && (a.substr(a.size() - 2) == "19" || a.substr(a.size() - 2) == "20");
  return half_year && b.size() > 3 && digit(b[1]) && b[2] == '/';
}

// A number and a type part alone ("20-HD", "08-CV"): a code whose issuer
// OCR lost or set on a line of its own, which no reader could follow.
// ("64/CP", a number and an issuer, is whole: older decrees have no type.)
// Or a code whose last part is one letter ("05-C", "49/BC-U"): its issuer
// cut short (under 1 % of the corpus's codes end so).
bool lacks_issuer(std::string_view code) {
  const std::vector<std::string_view> parts = split_code(code);
  if (parts.size() == 2 && is_one_of(parts[1], kCodeTypes)) return true;
  return parts.size() >= 2 && text::to_u32(parts.back()).size() == 1 && is_letter_part(parts.back());
}

// "số", a number, a year and a code opening with letters, with a space
// alone between each, from token i - 1: the code's slashes OCR read as
// spaces ("số 1211 2016 UBTVQHI3", "số 114 2018 ND-CP").
bool slashes_lost(const Tokens& t, size_t i) {
  if (i == 0 || i + 2 >= t.toks.size() || !is_so(t.folded(i - 1))) return false;
  if (t.toks[i].kind != vi::TokenKind::kNumber || t.at(i).size() > 4) return false;
  if (t.toks[i + 1].kind != vi::TokenKind::kNumber || !is_year(t.at(i + 1))) return false;
  for (size_t k = i; k < i + 2; ++k)
    if (t.toks[k + 1].offset != t.end(k) + 1 || t.text[t.end(k)] != ' ') return false;
  const std::string_view code = t.at(i + 2);
  return text::mostly_upper(code) && is_letter_part(split_code(code)[0]);
}

// A code token without the "số." OCR glued to its front ("s6.45-CT-TW").
std::string_view without_so(std::string_view code) {
  const size_t stop = code.find('.');
  if (stop == std::string_view::npos || stop + 1 >= code.size() || !is_so(folded_lower(code.substr(0, stop))))
    return code;
  return code.substr(stop + 1);
}

}  // namespace

std::string_view type_abbreviation(std::string_view words) {
  const std::string folded = folded_lower(words);
  for (const auto& tw : kTypeWords)
    if (folded == tw.folded) return tw.abbr;
  return {};
}

// Whether code part `part` is `type` with one letter as OCR and code
// repair (restore/code_repair) leave it: a P, D, B or O made an Đ ("ĐA"
// under a PHƯƠNG ÁN, whose own "PA" was repaired to the commoner ĐA), or
// a Q read as O, which repair may then make an Đ ("NĐ" under a NGHỊ
// QUYẾT: "26- NO/TW" -> "26- NĐ/TW").
bool repaired_from(std::string_view part, std::string_view type) {
  const std::u32string p = upper32(part), t = upper32(type);
  if (p.size() != t.size() || p == t) return false;
  size_t differ = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == t[i]) continue;
    const bool stroke = p[i] == U'Đ' && std::u32string_view(U"PDBO").find(t[i]) != std::u32string_view::npos;
    const bool q_as_o = t[i] == U'Q' && std::u32string_view(U"O0DĐ").find(p[i]) != std::u32string_view::npos;
    if (!stroke && !q_as_o) return false;
    ++differ;
  }
  return differ == 1;
}

std::string with_type_part(const std::string& code, std::string_view type) {
  const size_t begin = code.find_first_of("-/");
  if (begin == std::string::npos) return code;
  size_t from = begin + 1;
  if (code.size() > from + 5 && is_year(std::string_view(code).substr(from, 4)) && code[from + 4] == '/') from += 5;
  const size_t end = code.find_first_of("-/", from);
  if (end == std::string::npos) return code;
  const std::string_view part = std::string_view(code).substr(from, end - from);
  if (part.empty()) return code;
  // One letter off, Đ taken as D ("NbD" under a Nghị định).
  const bool damaged = !is_one_of(part, kCodeTypes) && !is_one_of(part, kCodeIssuers) &&
                       text::within_one_edit(vi::fold(text::to_utf8(upper32(part))), vi::fold(text::to_utf8(upper32(type))));
  if (!damaged && !repaired_from(part, type)) return code;
  return code.substr(0, from) + std::string(type) + code.substr(end);
}

std::string normalize_code(std::string_view code) {
  std::string out;
  size_t start = 0;
  for (size_t i = 0; i <= code.size(); ++i) {
    if (i == code.size() || code[i] == '-' || code[i] == '/') {
      const std::string_view part = code.substr(start, i - start);
      out += is_letter_part(part) ? normalize_part(part) : std::string(part);
      if (i < code.size()) out.push_back(code[i]);
      start = i + 1;
    }
  }
  return out;
}

std::pair<size_t, size_t> number_line_span(std::string_view text) {
  constexpr auto npos = std::string_view::npos;
  size_t start = 0;
  for (int line = 0; line < 20 && start < text.size(); ++line) {
    size_t end = text.find('\n', start);
    if (end == npos) end = text.size();
    std::string_view l = text.substr(start, end - start);
    size_t k = 0;
    while (k < l.size() && (l[k] == ' ' || l[k] == '\t')) ++k;
    l.remove_prefix(k);
    // "Số 215-BC/TU", "Số: 45/KH-UBND", OCR "S6: ...", "S06: ...", "$6: ...", "86: ...", "So ...",
    // "Số. 01-BC/TU" (its colon read as a stop), "SỐ L009-CT/TW" (1 read as L); a draft's "Số:      /TTr-UBND".
    const std::string head = folded_lower(l.substr(0, std::min<size_t>(l.size(), 16)));
    const auto o_like = [&](size_t k) { return k < head.size() && (head[k] == 'o' || head[k] == '6' || head[k] == '0'); };
    const size_t after = o_like(2) ? 3 : 2;  // "S06:" too
    const bool s_like = head[0] == 's' || head[0] == '$' || (head.rfind("86:", 0) == 0);  // "86:": "Số:" misread
    const auto colon_like = [&](size_t k) { return head[k] == ' ' || head[k] == ':' || head[k] == '.'; };
    if (head.size() > after && s_like && o_like(1) && colon_like(after)) {
      size_t j = after;
      while (j < head.size() && colon_like(j)) ++j;
      const auto digit = [&](size_t k) { return k < head.size() && head[k] >= '0' && head[k] <= '9'; };
      if (digit(j) || (j < head.size() && (head[j] == 'l' || head[j] == 'i') && digit(j + 1)) ||
          (j < head.size() && head[j] == '/' && j > 4))
        return {start, end};
    }
    // A "Số" damaged further ("Sẽ: 3/HD-UBND", "So UBC-HĐND") on the line
    // where the header's columns meet: the place and date beside it
    // ("..., ngày 16 tháng 02 năm 2019").
    const size_t first_word = std::min(l.find_first_of(" :"), l.size());
    if (!head.empty() && (head[0] == 's' || head[0] == '$') && first_word <= 4) {
      const std::string f = folded_lower(l);
      if (f.find(" thang ") != npos && f.find(" nam ") != npos && f.find("ngay") != npos) return {start, end};
    }
    start = end + 1;
  }
  return {npos, npos};
}

std::vector<Citation> extract_citations(std::string_view text) {
  std::vector<vi::Token> tokens;
  vi::tokenize(text, tokens);
  return extract_citations(text, tokens);
}

std::vector<Citation> extract_citations(std::string_view text, const std::vector<vi::Token>& tokens) {
  return extract_citations(text, tokens, number_line_span(text));
}

std::vector<Citation> extract_citations(std::string_view text, const std::vector<vi::Token>& tokens,
                                        std::pair<size_t, size_t> own) {
  const Tokens t{text, tokens};

  std::vector<Citation> out;
  for (size_t i = 0; i < t.toks.size(); ++i) {
    const size_t first = i;
    std::string raw;
    // The code's text, with what OCR split off it joined back.
    if (split_digit(t, i)) {
      raw = std::string(t.at(i)) + std::string(t.at(i + 1));  // "121 1/2016/UBTVQH13"
      ++i;
    } else if (t.toks[i].kind == vi::TokenKind::kCode) {
      raw = with_number_read(without_so(t.at(i)));  // "s6.45-CT-TW": "số" glued on by a stop; "O1/BNV-TCBC"
    } else if (slashes_lost(t, i)) {
      raw = std::string(t.at(i)) + "/" + std::string(t.at(i + 1)) + "/" + std::string(t.at(i + 2));
      i += 2;
    } else if (const std::string number = i + 1 < t.toks.size() ? number_at(t, i) : std::string();
               const char sep = number.empty() ? 0 : split_number(t, i)) {
      raw = number + sep + std::string(t.at(i + 1));  // "268- KH/TU", "749'QĐ-TTg", "2I- KL/TW"
      ++i;
    } else {
      continue;
    }
    // At most two parts set apart: "263/QĐ -TTg", "26/2020:QĐ-UBND" (whose
    // "QĐ-UBND" reads as two words).
    for (int parts = 0; parts < 2; ++parts) {
      const IssuerPart p = split_issuer(t, i, raw);
      if (p.separator.empty()) break;
      raw.append(p.separator).append(p.part);
      ++i;
    }
    if (const std::string term = assembly_term_apart(t, i, raw); !term.empty()) {
      raw += term;
      ++i;
    }
    if (raw.empty() || raw[0] < '0' || raw[0] > '9') continue;
    bool has_letters = false;
    for (auto p : split_code(raw)) has_letters |= is_letter_part(p);
    if (!has_letters) continue;
    if (own.first != std::string_view::npos && t.toks[i].offset >= own.first && t.toks[i].offset < own.second) continue;

    // The type word before it, if any: "<type word> [số] <code>".
    std::string word_type;
    size_t begin = t.toks[first].offset;
    size_t k = first;
    if (k > 0 && is_so(t.folded(k - 1)) && gap_ok(text, t.end(k - 1), t.toks[k].offset, ":.")) --k;  // "số." too
    for (size_t words = 2; words >= 1 && word_type.empty(); --words) {
      if (k < words) continue;
      std::string phrase;
      bool ok = true;
      for (size_t w = k - words; w < k; ++w) {
        if (t.toks[w].kind != vi::TokenKind::kWord) ok = false;
        if (w + 1 <= k && !gap_ok(text, t.end(w), t.toks[w + 1].offset, w + 1 == k ? ":" : "")) ok = false;
        if (!phrase.empty()) phrase.push_back(' ');
        phrase += t.folded(w);
      }
      if (!ok) continue;
      for (const auto& tw : kTypeWords)
        if (phrase == tw.folded) {
          word_type = tw.abbr;
          begin = t.toks[k - words].offset;
        }
    }

    Citation c;
    c.code = mend_code_shape(raw);
    if (c.code.empty() || lacks_issuer(c.code)) continue;
    c.type = code_type(c.code);
    if (!word_type.empty() && c.type != word_type) {  // the type word tells what OCR damaged
      std::string mended = with_type_part(c.code, word_type);
      if (c.type.empty() || mended != c.code) {
        c.code = std::move(mended);
        c.type = word_type;
      }
    }
    if (c.type.empty()) continue;
    c.key = c.type + " " + c.code;
    c.date = date_after(t, i + 1);
    c.offset = begin;
    c.length = t.end(i) - begin;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace vn::doc
