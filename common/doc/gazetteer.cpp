#include "doc/gazetteer.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <stdexcept>
#include <unordered_map>

#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "vi/letters.hpp"

namespace vn::doc {

namespace {

// ---------------------------------------------------------------------------
// Unit words.

struct KindWord {
  const char* word;  // as gazetteer.tsv writes it
  const char* key;   // its match_key
  uint8_t levels;    // the levels that have units of this kind
};

constexpr std::array<KindWord, 9> kKinds{{
    {"tỉnh", "tinh", kProvinces},
    {"thành phố", "thanh pho", kProvinces | kDistricts},
    {"huyện", "huyen", kDistricts},
    {"quận", "quan", kDistricts},
    {"thị xã", "thi xa", kDistricts},
    {"xã", "xa", kCommunes},
    {"phường", "phuong", kCommunes},
    {"thị trấn", "thi tran", kCommunes},
    {"đặc khu", "#ac khu", kCommunes},
}};

// Unit words as texts write them before a name, abbreviations included:
// (match_key, index in kKinds).
constexpr std::array<std::pair<const char*, int>, 12> kLeadingWords{{
    {"thanh pho", 1}, {"thi xa", 4}, {"thi tran", 7}, {"#ac khu", 8},
    {"tinh", 0}, {"huyen", 2}, {"quan", 3}, {"xa", 5}, {"phuong", 6},
    {"tp", 1}, {"tx", 4}, {"tt", 7},
}};

// Abbreviations documents write for a few names (match keys).
constexpr std::array<std::pair<const char*, const char*>, 6> kAbbreviations{{
    {"hcm", "ho chi minh"}, {"tphcm", "ho chi minh"}, {"tp hcm", "ho chi minh"},
    {"tt hue", "thua thien hue"}, {"brvt", "ba ria vung tau"}, {"br vt", "ba ria vung tau"},
}};

void append_match_key(std::string_view s, std::string& out);

int kind_id_of_key(std::string_view key) {
  for (size_t i = 0; i < kKinds.size(); ++i)
    if (key == kKinds[i].key) return static_cast<int>(i);
  return -1;
}

// ---------------------------------------------------------------------------
// The OCR edit distance on match keys (ASCII: a-z, 0-9, '#' for đ, '?' for
// a symbol that is no letter, ' ').
//
// Every edit costs at least kMinEdit except a space put in or left out
// (kSpaceEdit) and substitutions inside one of the classes that
// index_char() maps to one character: only those may cost less. That is
// what makes the filters of gather() exact: a name within distance L of the
// text differs from it by at most floor(L / kMinEdit) edits in the index
// form (spaces dropped, classes merged), each of which removes at most two
// of the name's bigrams.

constexpr float kMinEdit = 0.6f;
constexpr float kSpaceEdit = 0.3f;
constexpr float kNever = 1e9f;

char index_char(char c) {
  switch (c) {
    case '#': case 'p': case 'b': return 'd';  // đ read as p, b, d
    case '1': case 'i': case 'j': case 'y': return 'l';  // l, I, 1, j; i and y spelt for each other
    case '0': case '6': return 'o';                      // o, 0, ô read as 6
    case 'k': return 'c';                                // "Đắc Lắc" for "Đắk Lắk"
    default: return c;
  }
}

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

struct Costs {
  std::array<std::array<float, 128>, 128> sub;  // [name char][text char]
  std::array<float, 128> del;                   // a name's char the text lacks
  std::array<float, 128> ins;                   // a text char the name lacks (vowels: see insert_costs)
};

const Costs& costs() {
  static const Costs c = [] {
    Costs k;
    for (int a = 0; a < 128; ++a) {
      for (int b = 0; b < 128; ++b) k.sub[a][b] = a == b ? 0.0f : 1.0f;
      const char ch = static_cast<char>(a);
      k.del[a] = ch == ' ' ? kSpaceEdit : is_vowel(ch) ? 0.8f : 1.0f;
      k.ins[a] = ch == ' ' ? kSpaceEdit : (ch >= '0' && ch <= '9') || ch == '?' ? kMinEdit : 1.0f;
    }
    auto set = [&](char name, const char* text, float cost) {
      for (const char* t = text; *t; ++t) k.sub[static_cast<int>(name)][static_cast<int>(*t)] = cost;
    };
    // Inside the index classes (cheaper than kMinEdit allowed).
    set('#', "d", 0.0f);
    set('#', "p", 0.25f);
    set('#', "b", 0.35f);
    set('d', "p", 0.5f);
    set('d', "#", 0.3f);
    set('l', "1", 0.3f);
    set('l', "i", 0.4f);
    set('i', "l1", 0.4f);
    set('l', "j", 0.5f);
    set('i', "j", 0.5f);
    set('o', "06", 0.3f);
    // Spellings: "Đắc Lắc" for "Đắk Lắk", "Quí" for "Quý".
    set('c', "k", 0.3f);
    set('k', "c", 0.3f);
    set('i', "y", 0.4f);
    set('y', "i", 0.4f);
    // The substitutions models/channel.tsv's character emissions show at
    // least 0.2 % of the time, folded (o read as e, 6, d, g; u as i, t, y,
    // w; x as v, ...), and a symbol the key function made '?'.
    set('a', "di4eo?", kMinEdit);
    set('b', "h?", kMinEdit);
    set('c', "etgs?", kMinEdit);
    set('e', "gcdoa?", kMinEdit);
    set('g', "eyq?", kMinEdit);
    set('h', "bk?", kMinEdit);
    set('i', "rtne?", kMinEdit);
    set('k', "h?", kMinEdit);
    set('l', "htbf?", kMinEdit);
    set('m', "n?", kMinEdit);
    set('n', "muao?", kMinEdit);
    set('o', "edgac?", kMinEdit);
    set('q', "gy?", kMinEdit);
    set('r', "nait?", kMinEdit);
    set('s', "658v?", kMinEdit);
    set('t', "lcuwgf?", kMinEdit);
    set('u', "itywvlarn?", kMinEdit);
    set('v', "syw?", kMinEdit);
    set('x', "vswn?", kMinEdit);
    set('y', "vs?", kMinEdit);
    set('#', "?", kMinEdit);
    for (const char* t = "dfjpz"; *t; ++t) k.sub[static_cast<int>(*t)]['?'] = kMinEdit;
    // Letters OCR drops most often.
    for (const char* t = "orci"; *t; ++t) k.del[static_cast<int>(*t)] = kMinEdit;
    return k;
  }();
  return c;
}

// The cost of inserting each char of `q`: a vowel next to a vowel (an
// accent read as a letter: "Théap" for "Tháp") costs kMinEdit, another
// vowel 0.8.
void insert_costs(std::string_view q, std::array<float, 64>& out) {
  const Costs& k = costs();
  for (size_t j = 0; j < q.size(); ++j) {
    const char c = q[j];
    float cost = k.ins[static_cast<unsigned char>(c) & 0x7F];
    if (is_vowel(c)) {
      const bool next_to_vowel = (j > 0 && is_vowel(q[j - 1])) || (j + 1 < q.size() && is_vowel(q[j + 1]));
      cost = next_to_vowel ? kMinEdit : 0.8f;
    }
    out[j] = cost;
  }
}

constexpr size_t kMaxKey = 63;

// The weighted edit distance from name `t` to text `q` (ins: insert_costs
// of q), or kNever once it must exceed `limit`.
float distance(std::string_view t, std::string_view q, const std::array<float, 64>& ins, float limit) {
  if (t.size() > kMaxKey || q.size() > kMaxKey) return kNever;
  const Costs& k = costs();
  std::array<float, 64> prev, cur;
  prev[0] = 0;
  for (size_t j = 1; j <= q.size(); ++j) prev[j] = prev[j - 1] + ins[j - 1];
  for (size_t i = 1; i <= t.size(); ++i) {
    const auto tc = static_cast<unsigned char>(t[i - 1]) & 0x7F;
    cur[0] = prev[0] + k.del[tc];
    float row_min = cur[0];
    for (size_t j = 1; j <= q.size(); ++j) {
      const auto qc = static_cast<unsigned char>(q[j - 1]) & 0x7F;
      float best = prev[j - 1] + k.sub[tc][qc];
      best = std::min(best, prev[j] + k.del[tc]);
      best = std::min(best, cur[j - 1] + ins[j - 1]);
      cur[j] = best;
      row_min = std::min(row_min, best);
    }
    if (row_min > limit + 1e-4f) return kNever;
    std::swap(prev, cur);
  }
  return prev[q.size()] <= limit + 1e-4f ? prev[q.size()] : kNever;
}

// The distance a name of `letters` letters (spaces not counted) allows:
// short names must match almost exactly. District names (hundreds of them)
// allow less than province names (97), and commune names (thousands, two
// or three syllables as the words of any text are) less still: one or two
// cheap OCR confusions (đ as p, l as 1), another edit only from eleven
// letters up, so that "Hoi dong" or "Thanh tra" is not read as a place.
float limit_for(size_t letters, UnitLevel level = UnitLevel::kProvince) {
  if (level == UnitLevel::kCommune) {
    if (letters <= 5) return 0.3f;
    if (letters <= 7) return 0.4f;
    if (letters <= 10) return 0.5f;
    if (letters <= 14) return 0.9f;
    return 1.2f;
  }
  if (level == UnitLevel::kDistrict) {
    if (letters <= 3) return 0.3f;
    if (letters <= 5) return 0.4f;
    if (letters <= 7) return 0.6f;
    if (letters <= 10) return 0.8f;
    if (letters <= 14) return 1.2f;
    return 1.6f;
  }
  if (letters <= 3) return 0.3f;
  if (letters <= 5) return 0.5f;
  if (letters <= 7) return 0.8f;
  if (letters <= 10) return 1.2f;
  if (letters <= 14) return 1.6f;
  return 2.0f;
}

// ---------------------------------------------------------------------------
// The bigram index: index forms (spaces dropped, index_char classes) framed
// by '^' and '$', over a 39-symbol alphabet.

constexpr int kAlphabet = 39;

// A posting: the name's letters (bits 26-31), how many of its bigrams a
// text must share to be within its limit (bits 20-25), and its key id.
constexpr int kLettersShift = 26;
constexpr int kNeedShift = 20;
constexpr uint32_t kKeyMask = (1u << kNeedShift) - 1;
constexpr uint32_t kNeedMask = 63;

int symbol(char c) {
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= '0' && c <= '9') return 26 + (c - '0');
  if (c == '^') return 37;
  if (c == '$') return 38;
  return 36;  // '?'
}

// The distinct bigrams of `key`'s index form, sorted.
void index_bigrams(std::string_view key, std::vector<uint16_t>& out) {
  out.clear();
  int prev = symbol('^');
  for (char c : key) {
    if (c == ' ') continue;
    const int s = symbol(index_char(c));
    out.push_back(static_cast<uint16_t>(prev * kAlphabet + s));
    prev = s;
  }
  out.push_back(static_cast<uint16_t>(prev * kAlphabet + symbol('$')));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

// The length of `key` without its spaces.
size_t letters_of(std::string_view key) {
  return static_cast<size_t>(key.size() - static_cast<size_t>(std::count(key.begin(), key.end(), ' ')));
}

// OCR's two-letter readings of one letter, inside a word (no name has
// these pairs inside a word): "rn" for m, "cl" for d, "ii" for u.
std::string mend_digraphs(std::string_view key, float& cost) {
  std::string out;
  out.reserve(key.size());
  cost = 0;
  for (size_t i = 0; i < key.size(); ++i) {
    if (i + 1 < key.size()) {
      const char a = key[i], b = key[i + 1];
      if (a == 'r' && b == 'n') {
        out += 'm', ++i, cost += 0.3f;
        continue;
      }
      if (a == 'c' && b == 'l') {
        out += 'd', ++i, cost += 0.4f;
        continue;
      }
      if (a == 'i' && b == 'i') {
        out += 'u', ++i, cost += 0.4f;
        continue;
      }
    }
    out += key[i];
  }
  return out;
}

// ---------------------------------------------------------------------------
// Reading gazetteer.tsv.

[[noreturn]] void fail(std::string_view source, size_t line, const std::string& what) {
  throw std::runtime_error(std::string(source) + ":" + std::to_string(line) + ": " + what);
}

std::string quoted(std::string_view s) { return "\"" + text::printable(s) + "\""; }

}  // namespace

std::string_view to_string(UnitLevel level) {
  switch (level) {
    case UnitLevel::kProvince: return "province";
    case UnitLevel::kDistrict: return "district";
    case UnitLevel::kCommune: return "commune";
  }
  return "?";
}

std::string_view to_string(UnitEra era) {
  switch (era) {
    case UnitEra::kBefore2025: return "before-2025";
    case UnitEra::kAfter2025: return "after-2025";
    case UnitEra::kBoth: return "both";
  }
  return "?";
}

std::string Gazetteer::match_key(std::string_view s) {
  if (text::find_invalid_utf8(s) != text::kValid) return {};
  std::string out;
  out.reserve(s.size());
  append_match_key(s, out);
  return out;
}

namespace {

// Appends match_key(s) to `out`. REQUIRES: `s` is valid UTF-8.
void append_match_key(std::string_view s, std::string& out) {
  const size_t start = out.size();
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    const char32_t cp = text::next_code_point(s, i);
    if (cp >= 0x300 && cp <= 0x36F) continue;  // a combining mark (text not in NFC)
    char c;
    if (cp == U'đ' || cp == U'Đ' || cp == U'ð' || cp == U'Ð') {  // Đ read as the eth Ð too
      c = '#';
    } else {
      // Diacritics off first, keeping case (Vietnamese letters become
      // ASCII), then ASCII lower case.
      char32_t base = cp < 0x80 ? cp : vi::strip_diacritics(cp);
      if (base >= 'A' && base <= 'Z') base += 'a' - 'A';
      if ((base >= 'a' && base <= 'z') || (base >= '0' && base <= '9')) {
        c = static_cast<char>(base);
      } else if (base == '\'' || base == U'’' || base == U'‘' || base == '`' || base == U'ʼ') {
        continue;  // "H'Leo", "M'Đrắk"
      } else if (base == '|') {
        c = 'l';
      } else if (base == '!') {
        c = 'i';
      } else if (text::is_letter_or_mark(base) || base == '@' || base == U'¢' || base == U'€' || base == U'¥') {
        c = '?';  // a letter of another script, or a symbol OCR makes of one
      } else {
        space = out.size() > start;  // spaces, punctuation, hyphens
        continue;
      }
    }
    if (space) out += ' ', space = false;
    out += c;
  }
}

}  // namespace

double Gazetteer::match_distance(std::string_view name, std::string_view text) {
  const std::string t = match_key(name);
  float cost = 0;
  const std::string q = mend_digraphs(match_key(text), cost);
  std::array<float, 64> ins;
  if (q.size() > kMaxKey) return std::numeric_limits<double>::infinity();
  insert_costs(q, ins);
  const float d = distance(t, q, ins, 4.0f - cost);
  return d >= kNever ? std::numeric_limits<double>::infinity() : d + cost;
}

double Gazetteer::limit_of(std::string_view name, UnitLevel level) {
  return limit_for(letters_of(match_key(name)), level);
}

Gazetteer Gazetteer::load(const std::filesystem::path& tsv) {
  const int fd = ::open(tsv.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot open gazetteer " + tsv.string() + ": " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    const int err = S_ISREG(st.st_mode) ? errno : EINVAL;
    ::close(fd);
    throw std::runtime_error("cannot read gazetteer " + tsv.string() + ": " +
                             (err == EINVAL ? std::string("not a regular file") : std::strerror(err)));
  }
  const auto size = static_cast<size_t>(st.st_size);
  if (size == 0) {
    ::close(fd);
    return parse_owned(nullptr, 0, tsv.string());
  }
  // Mapped and populated at once: a third of the time of reading it on a
  // virtual machine, where every page of a fresh buffer costs a fault.
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  const int err = errno;
  ::close(fd);
  if (map == MAP_FAILED) throw std::runtime_error("cannot map gazetteer " + tsv.string() + ": " + std::strerror(err));
  std::shared_ptr<const char> text(static_cast<const char*>(map),
                                   [size](const char* p) { ::munmap(const_cast<char*>(p), size); });
  return parse_owned(std::move(text), size, tsv.string());
}

Gazetteer Gazetteer::parse(std::string_view tsv, std::string_view source) {
  std::shared_ptr<char> copy(new char[tsv.size() + 1], std::default_delete<char[]>());
  std::copy(tsv.begin(), tsv.end(), copy.get());
  return parse_owned(std::move(copy), tsv.size(), source);
}

Gazetteer Gazetteer::parse_owned(std::shared_ptr<const char> text, size_t size, std::string_view source) {
  Gazetteer g;
  g.text_ = std::move(text);
  const std::string_view tsv(g.text_.get(), size);
  std::unordered_map<std::string_view, uint16_t> province_ids;
  std::string_view last_province;  // the file is in order of province: most lines ask for the last one
  uint16_t last_id = 0;
  auto province_id = [&](std::string_view name) {
    if (name == last_province && !g.province_keys_.empty()) return last_id;
    auto [it, added] = province_ids.try_emplace(name, static_cast<uint16_t>(g.province_keys_.size()));
    if (added) g.province_keys_.push_back(match_key(name));
    last_province = name, last_id = it->second;
    return it->second;
  };
  const size_t lines = static_cast<size_t>(std::count(tsv.begin(), tsv.end(), '\n')) + 1;
  g.units_.reserve(lines);
  g.kind_ids_.reserve(lines);
  g.province_ids_.reserve(lines);
  size_t line_no = 0;
  for (size_t pos = 0; pos < tsv.size();) {
    size_t end = tsv.find('\n', pos);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;

    std::array<std::string_view, 5> f;
    size_t n = 0;
    for (size_t start = 0;;) {
      const size_t tab = line.find('\t', start);
      if (n == f.size()) fail(source, line_no, "more than 5 tab-separated fields");
      f[n++] = line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (n != f.size())
      fail(source, line_no, "expected level<TAB>kind<TAB>name<TAB>province<TAB>era, got " + std::to_string(n) +
                                " field" + (n == 1 ? "" : "s"));

    AdminUnit u;
    if (f[0] == "province") u.level = UnitLevel::kProvince;
    else if (f[0] == "district") u.level = UnitLevel::kDistrict;
    else if (f[0] == "commune") u.level = UnitLevel::kCommune;
    else fail(source, line_no, "unknown level " + quoted(f[0]) + " (province, district or commune)");

    int kind = -1;
    for (size_t i = 0; i < kKinds.size(); ++i)
      if (f[1] == kKinds[i].word) kind = static_cast<int>(i);
    if (kind < 0) fail(source, line_no, "unknown kind " + quoted(f[1]));
    if (!(kKinds[kind].levels & level_bit(u.level)))
      fail(source, line_no, "a " + std::string(to_string(u.level)) + " cannot be a " + quoted(f[1]));

    // The other fields are compared with words of their own.
    if (text::find_invalid_utf8(f[2]) != text::kValid || text::find_invalid_utf8(f[3]) != text::kValid)
      fail(source, line_no, "not UTF-8");
    if (f[2].empty() || f[2].front() == ' ' || f[2].back() == ' ') fail(source, line_no, "empty or padded name");
    if (u.level == UnitLevel::kProvince && !f[3].empty())
      fail(source, line_no, "a province has no province (field 4 must be empty)");
    if (u.level != UnitLevel::kProvince && f[3].empty()) fail(source, line_no, "no province");

    if (f[4] == "before-2025") u.era = UnitEra::kBefore2025;
    else if (f[4] == "after-2025") u.era = UnitEra::kAfter2025;
    else if (f[4] == "both") u.era = UnitEra::kBoth;
    else fail(source, line_no, "unknown era " + quoted(f[4]) + " (before-2025, after-2025 or both)");

    u.kind = kKinds[kind].word;
    u.name = f[2];
    u.province = f[3];
    g.kind_ids_.push_back(static_cast<uint8_t>(kind));
    g.province_ids_.push_back(province_id(u.province_name()));
    g.units_.push_back(std::move(u));
  }
  if (g.units_.empty()) throw std::runtime_error(std::string(source) + ": no units");
  g.build_index();
  return g;
}

void Gazetteer::build_index() {
  if (units_.size() > kKeyMask) throw std::runtime_error("gazetteer: too many units");
  for (const AdminUnit& u : units_)
    if (u.level != UnitLevel::kCommune) upper_names_[text::to_upper(u.name)] |= level_bit(u.level);
  // The distinct names (an open-addressing table of spans of `folded`),
  // then in order of length.
  std::string folded;
  folded.reserve(units_.size() * 12);
  std::vector<std::pair<uint32_t, uint32_t>> spans;  // (offset, size) in `folded`, per distinct name
  size_t slots = 16;
  while (slots < units_.size() + units_.size() / 2) slots *= 2;
  std::vector<uint32_t> table(slots, UINT32_MAX);
  std::vector<uint32_t> key_of(units_.size(), UINT32_MAX);
  auto span = [&](uint32_t i) { return std::string_view(folded).substr(spans[i].first, spans[i].second); };
  for (size_t u = 0; u < units_.size(); ++u) {
    const size_t start = folded.size();
    append_match_key(units_[u].name, folded);
    const std::string_view key = std::string_view(folded).substr(start);
    const bool has_letter =
        std::any_of(key.begin(), key.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '#'; });
    if (!has_letter || key.size() > kMaxKey) {  // "Phường 5": not a name to read
      folded.resize(start);
      continue;
    }
    size_t slot = std::hash<std::string_view>{}(key) & (slots - 1);
    while (table[slot] != UINT32_MAX && span(table[slot]) != key) slot = (slot + 1) & (slots - 1);
    if (table[slot] == UINT32_MAX) {
      table[slot] = static_cast<uint32_t>(spans.size());
      spans.emplace_back(static_cast<uint32_t>(start), static_cast<uint32_t>(key.size()));
    } else {
      folded.resize(start);  // seen: its first copy stays
    }
    key_of[u] = table[slot];
  }
  std::vector<std::pair<size_t, uint32_t>> order;  // (letters, name)
  order.reserve(spans.size());
  for (uint32_t i = 0; i < spans.size(); ++i) order.emplace_back(letters_of(span(i)), i);
  std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : span(a.second) < span(b.second);
  });
  std::vector<uint32_t> rank(spans.size());
  keys_.assign(spans.size(), Key{});
  key_text_.clear();
  key_text_.reserve(folded.size());
  for (size_t i = 0; i < order.size(); ++i) {
    rank[order[i].second] = static_cast<uint32_t>(i);
    keys_[i].text_offset = static_cast<uint32_t>(key_text_.size());
    keys_[i].text_size = static_cast<uint16_t>(spans[order[i].second].second);
    keys_[i].letters = static_cast<uint16_t>(order[i].first);
    key_text_ += span(order[i].second);
  }
  for (size_t u = 0; u < units_.size(); ++u)
    if (key_of[u] != UINT32_MAX) ++keys_[rank[key_of[u]]].unit_count;
  uint32_t next = 0;
  for (Key& k : keys_) k.first_unit = next, next += k.unit_count, k.unit_count = 0;
  key_units_.assign(next, 0);
  for (size_t u = 0; u < units_.size(); ++u) {
    if (key_of[u] == UINT32_MAX) continue;
    Key& k = keys_[rank[key_of[u]]];
    k.levels |= level_bit(units_[u].level);
    k.limit = std::max(k.limit, limit_for(k.letters, units_[u].level));
    key_units_[k.first_unit + k.unit_count++] = static_cast<uint32_t>(u);
  }

  // Each name's distinct bigrams, and the keys holding each bigram (CSR).
  // A posting lists its names by letters, then by what they need to share
  // with a text (see gather()), then by key.
  std::vector<uint16_t> bigrams;
  key_bigrams_.clear();
  key_bigrams_.reserve(keys_.size() * 12);
  bigram_offsets_.assign(kAlphabet * kAlphabet + 1, 0);
  std::vector<uint32_t> entries(keys_.size());
  for (size_t k = 0; k < keys_.size(); ++k) {
    Key& key = keys_[k];
    index_bigrams(text_of(key), bigrams);
    key.first_bigram = static_cast<uint32_t>(key_bigrams_.size());
    key.bigrams = static_cast<uint16_t>(bigrams.size());
    key_bigrams_.insert(key_bigrams_.end(), bigrams.begin(), bigrams.end());
    for (uint16_t b : bigrams) ++bigram_offsets_[b + 1];
    const int edits = static_cast<int>(std::floor(key.limit / kMinEdit + 1e-6));
    const auto need = static_cast<uint32_t>(std::max(0, static_cast<int>(key.bigrams) - 2 * edits));
    entries[k] = static_cast<uint32_t>(std::min<size_t>(key.letters, 63)) << kLettersShift |
                 std::min(need, kNeedMask) << kNeedShift | static_cast<uint32_t>(k);
  }
  for (size_t b = 1; b < bigram_offsets_.size(); ++b) bigram_offsets_[b] += bigram_offsets_[b - 1];
  few_level_keys_.clear();
  for (size_t k = 0; k < keys_.size(); ++k)
    if (keys_[k].levels & (kProvinces | kDistricts)) few_level_keys_.push_back(static_cast<uint32_t>(k));
  std::vector<uint32_t> by_entry(keys_.size());
  for (size_t k = 0; k < keys_.size(); ++k) by_entry[k] = static_cast<uint32_t>(k);
  std::sort(by_entry.begin(), by_entry.end(), [&](uint32_t a, uint32_t b) { return entries[a] < entries[b]; });
  std::vector<uint32_t> fill(bigram_offsets_.begin(), bigram_offsets_.end() - 1);
  bigram_keys_.assign(key_bigrams_.size(), 0);
  for (uint32_t k : by_entry)
    for (uint32_t i = keys_[k].first_bigram; i < keys_[k].first_bigram + keys_[k].bigrams; ++i)
      bigram_keys_[fill[key_bigrams_[i]]++] = entries[k];
}

uint8_t Gazetteer::levels_named(std::string_view upper) const {
  const auto it = upper_names_.find(std::string(upper));
  return it == upper_names_.end() ? 0 : it->second;
}

size_t Gazetteer::count(UnitLevel level, UnitEra era) const {
  return static_cast<size_t>(std::count_if(units_.begin(), units_.end(), [&](const AdminUnit& u) {
    if (u.level != level) return false;
    if (era == UnitEra::kBefore2025) return u.existed_before_2025();
    if (era == UnitEra::kAfter2025) return u.exists_after_2025();
    return true;
  }));
}

struct Gazetteer::Candidate {
  uint32_t key;
  int missing;  // of the name's bigrams, those the text lacks
};

// The names that may be within their limit of `key` (a mended match key,
// `base` its distance so far) and that a unit of `levels` has: every such
// name, and few others.
//
// A name within reach differs from the key by at most e edits in the index
// form (e from the name's limit, see kMinEdit), so it has a length within e
// of the key's, holds all but 2e of its distinct bigrams (the count filter),
// and has letter counts that differ by 2e at most. The postings of the
// key's bigrams are read, for the lengths within reach only, rarest first:
// a name first met in the i-th of n can share n - i of them at most, so it
// is passed over when it needs more (the prefix filter).
void Gazetteer::gather(std::string_view key, uint8_t levels, double base, std::vector<Candidate>& out) const {
  if (key.size() > kMaxKey || keys_.empty()) return;
  std::vector<uint16_t> bigrams;
  index_bigrams(key, bigrams);
  const int letters = static_cast<int>(letters_of(key));
  // The edits a name has room for; the lengths in reach (with the most
  // room a name of each length can have).
  auto edits_for = [&](float limit) {
    const double room = limit - base;
    return room < -1e-6 ? -1 : static_cast<int>(std::floor(room / kMinEdit + 1e-6));
  };
  int lo = letters, hi = letters;
  for (size_t l = 1; l <= kMaxKey; ++l)
    if (edits_for(limit_for(l)) >= std::abs(static_cast<int>(l) - letters))
      lo = std::min(lo, static_cast<int>(l)), hi = std::max(hi, static_cast<int>(l));
  std::array<int8_t, kAlphabet> histogram{};  // of the key's index form
  for (char c : key)
    if (c != ' ') ++histogram[static_cast<size_t>(symbol(index_char(c)))];

  auto consider = [&](uint32_t k, int shared) {
    const Key& name = keys_[k];
    if (!(name.levels & levels)) return;
    const int e = edits_for(name.limit);
    if (e < 0 || std::abs(letters - static_cast<int>(name.letters)) > e) return;
    if (shared < static_cast<int>(name.bigrams) - 2 * e) return;
    std::array<int8_t, kAlphabet> diff = histogram;
    for (char c : text_of(name))
      if (c != ' ') --diff[static_cast<size_t>(symbol(index_char(c)))];
    int l1 = 0;
    for (int8_t d : diff) l1 += d < 0 ? -d : d;
    if ((l1 + 1) / 2 > e) return;  // an edit changes the letter counts by 2 at most
    out.push_back({k, static_cast<int>(name.bigrams) - shared});
  };

  // Without communes, few enough names to look at each.
  if (!(levels & kCommunes)) {
    std::array<uint64_t, (kAlphabet * kAlphabet + 63) / 64> in_key{};
    for (uint16_t b : bigrams) in_key[b / 64] |= uint64_t{1} << (b % 64);
    for (uint32_t k : few_level_keys_) {
      const Key& name = keys_[k];
      const int e = edits_for(name.limit);
      if (e < 0 || std::abs(letters - static_cast<int>(name.letters)) > e) continue;
      int shared = 0;
      for (uint32_t i = name.first_bigram; i < name.first_bigram + name.bigrams; ++i)
        shared += static_cast<int>((in_key[key_bigrams_[i] / 64] >> (key_bigrams_[i] % 64)) & 1);
      consider(k, shared);
    }
    return;
  }

  std::array<std::pair<const uint32_t*, const uint32_t*>, kMaxKey + 1> postings;
  size_t n = 0;
  for (uint16_t b : bigrams) {
    const uint32_t* p0 = bigram_keys_.data() + bigram_offsets_[b];
    const uint32_t* p1 = bigram_keys_.data() + bigram_offsets_[b + 1];
    postings[n++] = {std::lower_bound(p0, p1, static_cast<uint32_t>(lo) << kLettersShift),
                     hi + 1 > 63 ? p1 : std::lower_bound(p0, p1, static_cast<uint32_t>(hi + 1) << kLettersShift)};
  }
  std::sort(postings.begin(), postings.begin() + static_cast<std::ptrdiff_t>(n),
            [](const auto& a, const auto& b) { return a.second - a.first < b.second - b.first; });
  constexpr uint8_t kPassedOver = 255;
  thread_local std::vector<uint8_t> counts;  // shared bigrams, per key; all 0 between calls
  thread_local std::vector<uint32_t> touched;
  if (counts.size() < keys_.size()) counts.assign(keys_.size(), 0);
  touched.clear();
  for (size_t i = 0; i < n; ++i) {
    const uint32_t can_share = static_cast<uint32_t>(n - i);
    for (const uint32_t* p = postings[i].first; p != postings[i].second; ++p) {
      const uint32_t k = *p & kKeyMask;
      uint8_t& c = counts[k];
      if (c == 0) {
        touched.push_back(k);
        c = (*p >> kNeedShift & kNeedMask) > can_share ? kPassedOver : 1;
      } else if (c != kPassedOver) {
        ++c;
      }
    }
  }
  for (uint32_t k : touched) {
    if (counts[k] != kPassedOver) consider(k, counts[k]);
    counts[k] = 0;
  }
}

std::optional<PlaceMatch> Gazetteer::lookup(std::string_view text, const PlaceQuery& query) const {
  const std::string folded = match_key(text);
  if (std::count_if(folded.begin(), folded.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '#'; }) < 2)
    return std::nullopt;

  int only_kind = -1;
  if (!query.kind.empty()) {
    only_kind = kind_id_of_key(match_key(query.kind));
    if (only_kind < 0) return std::nullopt;
  }
  std::string only_province;
  if (!query.province.empty()) only_province = match_key(query.province);

  // Readings of the text: the whole of it as a name, and, when it begins
  // with a unit word, the rest as a name of that kind.
  struct Reading {
    std::string key;
    int kind = -1;  // the unit word it began with
    double base = 0;
  };
  std::vector<Reading> readings;
  {
    float cost = 0;
    std::string whole = mend_digraphs(folded, cost);
    readings.push_back({std::move(whole), -1, cost});
  }
  for (const auto& [word, kind] : kLeadingWords) {
    const std::string_view w(word);
    const size_t words = static_cast<size_t>(std::count(w.begin(), w.end(), ' ')) + 1;
    size_t cut = 0;
    for (size_t i = 0; i < words && cut != std::string::npos; ++i) cut = folded.find(' ', cut + (i ? 1 : 0));
    if (cut == std::string::npos) continue;
    const std::string_view head(folded.data(), cut);
    std::array<float, 64> ins;
    insert_costs(head, ins);
    const float limit = w.size() >= 4 ? 0.5f : 0.0f;
    if (distance(w, head, ins, limit) >= kNever) continue;
    float cost = 0;
    std::string rest = mend_digraphs(folded.substr(cut + 1), cost);
    readings.push_back({std::move(rest), kind, cost});
    break;
  }

  auto admissible = [&](uint32_t unit, uint8_t levels) {
    const AdminUnit& u = units_[unit];
    if (!(levels & level_bit(u.level))) return false;
    if (only_kind >= 0 && kind_ids_[unit] != only_kind) return false;
    if (!only_province.empty() && province_keys_[province_ids_[unit]] != only_province) return false;
    if (query.era == UnitEra::kBefore2025 && !u.existed_before_2025()) return false;
    if (query.era == UnitEra::kAfter2025 && !u.exists_after_2025()) return false;
    return true;
  };
  const std::string lower_text = text::to_lower(text);
  auto rank = [&](uint32_t unit, double d) {
    const AdminUnit& u = units_[unit];
    const bool as_written = lower_text.size() >= u.name.size() &&
                            std::string_view(lower_text).substr(lower_text.size() - u.name.size()) ==
                                text::to_lower(u.name);
    return std::make_tuple(std::round(d * 1e4), as_written ? 0 : 1, static_cast<int>(u.level),
                           u.exists_after_2025() ? 0 : 1, unit);
  };

  std::optional<PlaceMatch> best;
  uint32_t best_unit = 0, best_key = 0;
  std::vector<std::pair<uint32_t, uint32_t>> ties;  // (unit, key) at best's distance
  for (Reading& r : readings)
    for (const auto& [abbreviation, name] : kAbbreviations)
      if (r.key == abbreviation) r.key = name;

  std::vector<Candidate> candidates;
  for (const Reading& r : readings) {
    uint8_t levels = query.levels;
    if (r.kind >= 0) levels &= kKinds[r.kind].levels;
    if (!levels || r.key.empty() || r.key.size() > kMaxKey) continue;
    candidates.clear();
    gather(r.key, levels, r.base, candidates);
    // The likeliest names first, so that the best distance so far cuts
    // the others' comparisons short.
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
      return a.missing != b.missing ? a.missing < b.missing : a.key < b.key;
    });
    std::array<float, 64> ins;
    insert_costs(r.key, ins);
    for (const Candidate& c : candidates) {
      const Key& k = keys_[c.key];
      bool any = false;
      for (uint32_t i = 0; i < k.unit_count && !any; ++i) any = admissible(key_units_[k.first_unit + i], levels);
      if (!any) continue;
      double room = k.limit - r.base;
      if (best) room = std::min(room, best->distance - r.base);  // a unit word only adds to it
      if (query.max_distance >= 0) room = std::min(room, query.max_distance - r.base);
      if (room < -1e-6) continue;
      const float raw = distance(text_of(k), r.key, ins, static_cast<float>(std::max(room, 0.0)));
      if (raw >= kNever) continue;
      for (uint32_t i = 0; i < k.unit_count; ++i) {
        const uint32_t unit = key_units_[k.first_unit + i];
        if (!admissible(unit, levels)) continue;
        double d = raw + r.base;
        if (r.kind >= 0 && kind_ids_[unit] != r.kind) d += 0.2;  // "tỉnh Đà Nẵng": thành phố Đà Nẵng
        const double limit = limit_for(k.letters, units_[unit].level);
        if (d > limit + 1e-6 || (query.max_distance >= 0 && d > query.max_distance + 1e-6)) continue;
        if (best && std::round(d * 1e4) == std::round(best->distance * 1e4)) {
          ties.emplace_back(unit, c.key);
          if (rank(unit, d) < rank(best_unit, best->distance)) {
            best->unit = &units_[unit];
            best->limit = limit;
            best_unit = unit, best_key = c.key;
          }
        } else if (!best || d < best->distance) {
          best = PlaceMatch{&units_[unit], d, limit, 0, false};
          best_unit = unit, best_key = c.key;
          ties.clear();
          ties.emplace_back(unit, c.key);
        }
      }
    }
  }
  if (!best) return std::nullopt;
  std::sort(ties.begin(), ties.end());
  ties.erase(std::unique(ties.begin(), ties.end()), ties.end());
  best->alternatives = static_cast<int>(ties.size()) - 1;
  for (const auto& [unit, key] : ties)
    if (text_of(keys_[key]) != text_of(keys_[best_key])) best->ambiguous = true;
  return best;
}

}  // namespace vn::doc
