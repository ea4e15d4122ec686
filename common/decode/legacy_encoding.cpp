#include "decode/legacy_encoding.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <memory>
#include <optional>
#include <utility>

#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "vi/letters.hpp"
#include "vi/syllable.hpp"

// Where the tables come from. TCVN: TCVN 5712:1993 as implemented by glibc's
// and libiconv's TCVN5712-1 converters (identical tables; VN3's lower-case
// letters also agree with the Unikey and vietnamese-conversion tables).
// Windows-1252 and Windows-1258: Microsoft's code pages as glibc's CP1252 and
// CP1258 and Python's cp1252/cp1258 codecs give them (identical). VNI-Windows
// has no standard: its mark bytes are those of the VNI keyboard's fonts as
// Unikey's VNI-WIN table, xvnkb's vni.h and the vietnamese-conversion package
// list them (all three agree). tests/legacy_encoding_test.cpp checks every
// byte against glibc's iconv where iconv has the encoding.

namespace vn::decode {
namespace {

using vi::Tone;

// ---------------------------------------------------------------- tables

// Windows-1252 at 0x80-0x9F: the punctuation Windows fonts put there, which
// TCVN3 (.VnTime) and VNI fonts kept. Undefined bytes stay C1 controls.
constexpr std::array<char32_t, 32> kWindows1252At80 = {
    U'€',      U'\u0081', U'‚', U'ƒ', U'„', U'…',      U'†', U'‡',  // 0x80
    U'ˆ',      U'‰',      U'Š', U'‹', U'Œ', U'\u008D', U'Ž', U'\u008F',  // 0x88
    U'\u0090', U'‘',      U'’', U'“', U'”', U'•',      U'–', U'—',  // 0x90
    U'˜',      U'™',      U'š', U'›', U'œ', U'\u009D', U'ž', U'Ÿ',  // 0x98
};

// TCVN 5712:1993 at 0xA0-0xFF (VN2 = VN1 there). VN3 leaves unassigned the
// 16 toned capitals among them (0xAF 0xBA 0xBF 0xC0-0xC5 0xCD 0xD9-0xDB 0xE0
// 0xF0 0xFF) and the combining tones 0xB0-0xB4.
constexpr std::array<char32_t, 96> kTcvnAtA0 = {
    U'\u00A0', U'Ă', U'Â', U'Ê', U'Ô', U'Ơ', U'Ư', U'Đ',  // 0xA0
    U'ă', U'â', U'ê', U'ô', U'ơ', U'ư', U'đ', U'Ằ',  // 0xA8
    U'\u0300', U'\u0309', U'\u0303', U'\u0301', U'\u0323', U'à', U'ả', U'ã',  // 0xB0
    U'á', U'ạ', U'Ẳ', U'ằ', U'ẳ', U'ẵ', U'ắ', U'Ẵ',  // 0xB8
    U'Ắ', U'Ầ', U'Ẩ', U'Ẫ', U'Ấ', U'Ề', U'ặ', U'ầ',  // 0xC0
    U'ẩ', U'ẫ', U'ấ', U'ậ', U'è', U'Ể', U'ẻ', U'ẽ',  // 0xC8
    U'é', U'ẹ', U'ề', U'ể', U'ễ', U'ế', U'ệ', U'ì',  // 0xD0
    U'ỉ', U'Ễ', U'Ế', U'Ồ', U'ĩ', U'í', U'ị', U'ò',  // 0xD8
    U'Ổ', U'ỏ', U'õ', U'ó', U'ọ', U'ồ', U'ổ', U'ỗ',  // 0xE0
    U'ố', U'ộ', U'ờ', U'ở', U'ỡ', U'ớ', U'ợ', U'ù',  // 0xE8
    U'Ỗ', U'ủ', U'ũ', U'ú', U'ụ', U'ừ', U'ử', U'ữ',  // 0xF0
    U'ứ', U'ự', U'ỳ', U'ỷ', U'ỹ', U'ý', U'ỵ', U'Ố',  // 0xF8
};

// VN1 only: toned capitals at 0x80-0x9F ...
constexpr std::array<char32_t, 32> kTcvnVn1At80 = {
    U'À', U'Ả', U'Ã', U'Á', U'Ạ', U'Ặ', U'Ậ', U'È',  // 0x80
    U'Ẻ', U'Ẽ', U'É', U'Ẹ', U'Ệ', U'Ì', U'Ỉ', U'Ĩ',  // 0x88
    U'Í', U'Ị', U'Ò', U'Ỏ', U'Õ', U'Ó', U'Ọ', U'Ộ',  // 0x90
    U'Ờ', U'Ở', U'Ỡ', U'Ớ', U'Ợ', U'Ù', U'Ủ', U'Ũ',  // 0x98
};

// ... and on twelve C0 control codes (the others stay controls).
constexpr std::array<std::pair<unsigned char, char32_t>, 12> kTcvnVn1InC0 = {{
    {0x01, U'Ú'}, {0x02, U'Ụ'}, {0x04, U'Ừ'}, {0x05, U'Ử'}, {0x06, U'Ữ'}, {0x11, U'Ứ'},
    {0x12, U'Ự'}, {0x13, U'Ỳ'}, {0x14, U'Ỷ'}, {0x15, U'Ỹ'}, {0x16, U'Ý'}, {0x17, U'Ỵ'},
}};

// Windows-1258 at 0x80-0xFF. Undefined bytes stay C1 controls.
constexpr std::array<char32_t, 128> kWindows1258At80 = {
    U'€',      U'\u0081', U'‚',      U'ƒ', U'„',      U'…',      U'†',      U'‡',  // 0x80
    U'ˆ',      U'‰',      U'\u008A', U'‹', U'Œ',      U'\u008D', U'\u008E', U'\u008F',  // 0x88
    U'\u0090', U'‘',      U'’',      U'“', U'”',      U'•',      U'–',      U'—',  // 0x90
    U'˜',      U'™',      U'\u009A', U'›', U'œ',      U'\u009D', U'\u009E', U'Ÿ',  // 0x98
    U'\u00A0', U'¡',      U'¢',      U'£', U'¤',      U'¥',      U'¦',      U'§',  // 0xA0
    U'¨',      U'©',      U'ª',      U'«', U'¬',      U'\u00AD', U'®',      U'¯',  // 0xA8
    U'°',      U'±',      U'²',      U'³', U'´',      U'µ',      U'¶',      U'·',  // 0xB0
    U'¸',      U'¹',      U'º',      U'»', U'¼',      U'½',      U'¾',      U'¿',  // 0xB8
    U'À',      U'Á',      U'Â',      U'Ă', U'Ä',      U'Å',      U'Æ',      U'Ç',  // 0xC0
    U'È',      U'É',      U'Ê',      U'Ë', U'\u0300', U'Í',      U'Î',      U'Ï',  // 0xC8
    U'Đ',      U'Ñ',      U'\u0309', U'Ó', U'Ô',      U'Ơ',      U'Ö',      U'×',  // 0xD0
    U'Ø',      U'Ù',      U'Ú',      U'Û', U'Ü',      U'Ư',      U'\u0303', U'ß',  // 0xD8
    U'à',      U'á',      U'â',      U'ă', U'ä',      U'å',      U'æ',      U'ç',  // 0xE0
    U'è',      U'é',      U'ê',      U'ë', U'\u0301', U'í',      U'î',      U'ï',  // 0xE8
    U'đ',      U'ñ',      U'\u0323', U'ó', U'ô',      U'ơ',      U'ö',      U'÷',  // 0xF0
    U'ø',      U'ù',      U'ú',      U'û', U'ü',      U'ư',      U'₫',      U'ÿ',  // 0xF8
};

// The quality marks that turn a base vowel into ă â ê ô ơ ư.
enum class Quality : uint8_t { kNone, kCircumflex, kBreve, kHorn };

// What a mark byte adds to the letter before it: a quality mark, a tone, or
// (VNI) both at once.
struct Mark {
  Quality quality = Quality::kNone;
  Tone tone = Tone::kLevel;
  bool present() const { return quality != Quality::kNone || tone != Tone::kLevel; }
};

// VNI-Windows, lower-case set: the upper-case letter or mark is the byte 0x20
// lower (Ô = Ơ, Ù = capital acute, ...). Every other byte is Windows-1252.
struct VniLetter {
  unsigned char byte;
  char32_t letter;
};
constexpr std::array<VniLetter, 9> kVniLetters = {{
    {0xF4, U'ơ'}, {0xF6, U'ư'}, {0xF1, U'đ'}, {0xED, U'í'}, {0xEC, U'ì'},
    {0xE6, U'ỉ'}, {0xF3, U'ĩ'}, {0xF2, U'ị'}, {0xEE, U'ỵ'},
}};
struct VniMark {
  unsigned char byte;
  Mark mark;
};
constexpr std::array<VniMark, 17> kVniMarks = {{
    {0xF9, {Quality::kNone, Tone::kAcute}},       {0xF8, {Quality::kNone, Tone::kGrave}},
    {0xFB, {Quality::kNone, Tone::kHook}},        {0xF5, {Quality::kNone, Tone::kTilde}},
    {0xEF, {Quality::kNone, Tone::kDot}},         {0xE2, {Quality::kCircumflex, Tone::kLevel}},
    {0xE1, {Quality::kCircumflex, Tone::kAcute}}, {0xE0, {Quality::kCircumflex, Tone::kGrave}},
    {0xE5, {Quality::kCircumflex, Tone::kHook}},  {0xE3, {Quality::kCircumflex, Tone::kTilde}},
    {0xE4, {Quality::kCircumflex, Tone::kDot}},   {0xEA, {Quality::kBreve, Tone::kLevel}},
    {0xE9, {Quality::kBreve, Tone::kAcute}},      {0xE8, {Quality::kBreve, Tone::kGrave}},
    {0xFA, {Quality::kBreve, Tone::kHook}},       {0xFC, {Quality::kBreve, Tone::kTilde}},
    {0xEB, {Quality::kBreve, Tone::kDot}},
}};

// ------------------------------------------------------- the byte tables

// What one byte means: a character, or a mark for the letter before it.
struct ByteMeaning {
  char32_t cp = 0;  // meaningful when !mark.present()
  Mark mark;
};
using ByteTable = std::array<ByteMeaning, 256>;

// The tone a combining code point stands for, or kLevel for any other.
Tone tone_of_combining(char32_t cp) {
  switch (cp) {
    case 0x0300: return Tone::kGrave;
    case 0x0301: return Tone::kAcute;
    case 0x0309: return Tone::kHook;
    case 0x0303: return Tone::kTilde;
    case 0x0323: return Tone::kDot;
    default: return Tone::kLevel;
  }
}

// Bytes first..first+N-1 mean `cps`; the five combining tones become marks.
template <size_t N>
void assign(ByteTable& t, unsigned char first, const std::array<char32_t, N>& cps) {
  for (size_t k = 0; k < N; ++k) {
    ByteMeaning& m = t[first + k];
    m = ByteMeaning{cps[k], Mark{Quality::kNone, tone_of_combining(cps[k])}};
  }
}

// Every byte means the code point of the same value (ASCII, Latin-1).
ByteTable identity_table() {
  ByteTable t;
  for (size_t b = 0; b < t.size(); ++b) t[b].cp = static_cast<char32_t>(b);
  return t;
}

ByteTable tcvn3_table() {
  ByteTable t = identity_table();
  assign(t, 0x80, kWindows1252At80);
  assign(t, 0xA0, kTcvnAtA0);
  return t;
}

ByteTable tcvn5712_1_table() {
  ByteTable t = tcvn3_table();
  assign(t, 0x80, kTcvnVn1At80);
  for (const auto& [byte, letter] : kTcvnVn1InC0) t[byte].cp = letter;
  return t;
}

ByteTable vni_windows_table() {
  ByteTable t = identity_table();
  assign(t, 0x80, kWindows1252At80);
  for (const VniLetter& l : kVniLetters) {
    t[l.byte].cp = l.letter;
    t[l.byte - 0x20].cp = text::upper(l.letter);
  }
  for (const VniMark& m : kVniMarks) {
    t[m.byte].mark = m.mark;
    t[m.byte - 0x20].mark = m.mark;
  }
  return t;
}

ByteTable windows_1258_table() {
  ByteTable t = identity_table();
  assign(t, 0x80, kWindows1258At80);
  return t;
}

const ByteTable& byte_table(LegacyEncoding encoding) {
  static const std::array<ByteTable, 4> tables = {tcvn3_table(), tcvn5712_1_table(), vni_windows_table(),
                                                   windows_1258_table()};
  return tables[static_cast<size_t>(encoding)];
}

// ------------------------------------------------------------ conversion

// `vowel` (toneless, either case) with quality mark `q`, or 0 when
// Vietnamese has no such letter (ŏ, ê with a breve, ...).
char32_t with_quality(char32_t vowel, Quality q) {
  struct Rule {
    char32_t base;
    Quality quality;
    char32_t result;
  };
  static constexpr std::array<Rule, 6> kRules = {{
      {U'a', Quality::kCircumflex, U'â'}, {U'a', Quality::kBreve, U'ă'}, {U'e', Quality::kCircumflex, U'ê'},
      {U'o', Quality::kCircumflex, U'ô'}, {U'o', Quality::kHorn, U'ơ'},  {U'u', Quality::kHorn, U'ư'},
  }};
  const bool up = vowel >= U'A' && vowel <= U'Z';
  const char32_t low = up ? vowel + 0x20 : vowel;
  for (const Rule& r : kRules)
    if (r.base == low && r.quality == q) return up ? text::upper(r.result) : r.result;
  return 0;
}

// `letter` carrying `mark` as well, or 0 when it cannot (not a vowel, a
// second tone, a quality mark the vowel does not take).
char32_t apply_mark(char32_t letter, Mark mark) {
  const auto d = vi::decompose_vowel(letter);
  if (!d) return 0;
  char32_t vowel = d->vowel;
  if (mark.quality != Quality::kNone && (vowel = with_quality(vowel, mark.quality)) == 0) return 0;
  Tone tone = d->tone;
  if (mark.tone != Tone::kLevel) {
    if (tone != Tone::kLevel) return 0;
    tone = mark.tone;
  }
  return vi::compose_vowel(vowel, tone);
}

// A mark with nothing to sit on, as combining characters.
void append_combining(std::string& out, Mark mark) {
  static constexpr std::array<char32_t, 4> kQuality = {0, 0x0302, 0x0306, 0x031B};
  static constexpr std::array<char32_t, 6> kTone = {0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323};
  if (mark.quality != Quality::kNone) text::append_utf8(out, kQuality[static_cast<size_t>(mark.quality)]);
  if (mark.tone != Tone::kLevel) text::append_utf8(out, kTone[static_cast<size_t>(mark.tone)]);
}

// `bytes` in UTF-8, NFC except around loose marks: a mark that combines
// with nothing is written as combining characters and sets `loose_marks`.
std::string convert(std::string_view bytes, LegacyEncoding encoding, bool& loose_marks) {
  const ByteTable& table = byte_table(encoding);
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  char32_t pending = 0;  // the last character, held back for a mark that may follow
  bool have_pending = false;
  for (const char c : bytes) {
    const ByteMeaning& m = table[static_cast<unsigned char>(c)];
    if (!m.mark.present()) {
      if (have_pending) text::append_utf8(out, pending);
      pending = m.cp;
      have_pending = true;
      continue;
    }
    if (have_pending) {
      if (const char32_t marked = apply_mark(pending, m.mark)) {
        pending = marked;
        continue;
      }
      text::append_utf8(out, pending);
      have_pending = false;
    }
    append_combining(out, m.mark);
    loose_marks = true;
  }
  if (have_pending) text::append_utf8(out, pending);
  return out;
}

// ------------------------------------------------------------- detection

constexpr size_t kSampleBytes = 16 * 1024;
constexpr size_t kMaxJudgedWords = 800;    // per reading, ASCII words included: bounds the time
constexpr size_t kMinSyllables = 3;        // non-ASCII syllables the winner needs
constexpr double kMinShare = 0.8;          // of its non-ASCII words that are syllables
constexpr double kMinOverallShare = 0.5;   // of all its words that are syllables
constexpr double kMinLead = 0.3;           // in share over every reading that differs
constexpr double kMaxMojibakeShare = 0.5;  // of the non-ASCII words of mojibake that are syllables
constexpr size_t kMaxTcvnVotes = 256;         // words that choose between TCVN3 and TCVN5712-1
constexpr size_t kMojibakePrefixBytes = 256 * 1024;  // of mojibake judged

double ratio(size_t part, size_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

// How Vietnamese a text looks, from its words (runs of letters and marks)
// of two or more letters. The words with a non-ASCII letter tell the
// encodings apart: in the right one nearly all are syllables, in a wrong one
// few are. The ASCII words, the same in every reading, tell Vietnamese from
// other languages in Latin letters: in Windows-1258 Italian "può", "più" and
// "sì" read as syllables, but "nome" and "funzione" do not. One-letter words
// are no evidence: wrong readings are full of lone toned vowels.
struct Evidence {
  size_t syllables = 0;        // non-ASCII words that are syllables
  size_t others = 0;           // non-ASCII words that are not
  size_t plain_syllables = 0;  // ASCII words that are syllables
  size_t plain_others = 0;     // ASCII words that are not
  size_t lone_syllables = 0;   // one-letter words that are syllables ("ở", "Á"), not counted above
  size_t words() const { return syllables + others + plain_syllables + plain_others; }
  double share() const { return ratio(syllables, syllables + others); }
  double overall_share() const { return ratio(syllables + plain_syllables, words()); }
};

bool is_ascii_letter(char32_t c) { return (c | 0x20) >= U'a' && (c | 0x20) <= U'z'; }

// Whether words are syllables, remembered per thread by a 64-bit hash of
// the lower-cased word in a direct-mapped table (a word's slot is taken by
// the last word hashed to it). Two words with the same hash (bit 0 aside)
// would share an answer: about one pair in 2^63.
class SyllableMemo {
 public:
  // The answer remembered for the word with this hash, if any.
  std::optional<bool> find(uint64_t hash) const {
    const uint64_t e = slots_[slot(hash)];
    if (e != 0 && (e & ~uint64_t{1}) == (hash & ~uint64_t{1})) return (e & 1) != 0;
    return std::nullopt;
  }
  void remember(uint64_t hash, bool syllable) { slots_[slot(hash)] = (hash & ~uint64_t{1}) | uint64_t{syllable}; }

  static uint64_t hash(std::u32string_view word) {
    uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a over code points, then a final mix
    for (const char32_t c : word) h = (h ^ c) * 0x100000001b3ull;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    return h ^ (h >> 32);
  }

 private:
  static constexpr int kBits = 15;  // 256 KB per thread
  static size_t slot(uint64_t hash) { return static_cast<size_t>(hash >> (64 - kBits)); }
  std::array<uint64_t, size_t{1} << kBits> slots_{};  // 0: empty; else hash with the answer in bit 0
};

// Lower-cases `word` in place and parses it as a syllable. Parsing is most
// of the cost of detection: every page of Latin-1 letters (all OCR output)
// is judged in four readings, and most of their words are the same in each
// and recur across pages, so the answers are remembered per thread.
bool is_syllable(std::u32string& word) {
  for (char32_t& c : word) c = text::lower(c);
  thread_local const std::unique_ptr<SyllableMemo> memo = std::make_unique<SyllableMemo>();
  const uint64_t hash = SyllableMemo::hash(word);
  if (const std::optional<bool> known = memo->find(hash)) return *known;
  const bool syllable = vi::parse_syllable(std::u32string_view(word)).has_value();
  memo->remember(hash, syllable);
  return syllable;
}

Evidence vietnamese_evidence(std::string_view utf8) {
  Evidence e;
  std::u32string word;
  bool non_ascii = false;
  auto close_word = [&] {
    if (word.size() > 1) {
      const bool syllable = is_syllable(word);
      ++(non_ascii ? (syllable ? e.syllables : e.others) : (syllable ? e.plain_syllables : e.plain_others));
    } else if (word.size() == 1 && is_syllable(word)) {
      ++e.lone_syllables;
    }
    word.clear();
    non_ascii = false;
  };
  for (size_t i = 0; i < utf8.size() && e.words() < kMaxJudgedWords;) {
    const char32_t cp = text::next_code_point(utf8, i);
    if (cp < 0x80 ? is_ascii_letter(cp) : text::is_letter_or_mark(cp)) {
      word.push_back(cp);
      non_ascii |= cp >= 0x80;
    } else {
      close_word();
    }
  }
  close_word();
  return e;
}

bool is_ascii_space(unsigned char b) { return b == ' ' || (b >= '\t' && b <= '\r'); }

// The part of `bytes` that is judged: from the word holding the first byte
// >= 0x80 (a legacy file may open with pages of ASCII), kSampleBytes long.
std::string_view sample_of(std::string_view bytes) {
  size_t start = 0;
  while (start < bytes.size() && static_cast<unsigned char>(bytes[start]) < 0x80) ++start;
  if (start == bytes.size()) return {};
  for (int back = 0; back < 64 && start > 0 && !is_ascii_space(static_cast<unsigned char>(bytes[start - 1])); ++back)
    --start;
  return bytes.substr(start, kSampleBytes);
}

struct Reading {
  LegacyEncoding encoding;
  std::string text;
  Evidence evidence;
};

// The sample converted, without NFC: composing loose marks would not make
// a Vietnamese letter that apply_mark() could not.
Reading read_as(std::string_view sample, LegacyEncoding encoding) {
  bool loose_marks = false;
  Reading r{encoding, convert(sample, encoding, loose_marks), {}};
  r.evidence = vietnamese_evidence(r.text);
  return r;
}

// Windows punctuation that stands alone between spaces (… ‘ ’ “ ” • – —),
// where VN1 reads a one-letter word (Ặ Ị Ò Ỏ Õ Ó Ọ Ộ).
bool stands_alone_in_windows_text(unsigned char b) { return b == 0x85 || (b >= 0x91 && b <= 0x97); }

// How much more Vietnamese `word` reads in VN1 than in TCVN3.
long vn1_lead(std::string_view word, unsigned char byte) {
  const Evidence vn1 = read_as(word, LegacyEncoding::tcvn5712_1).evidence;
  const Evidence vn3 = read_as(word, LegacyEncoding::tcvn3).evidence;
  const auto net = [](const Evidence& e) { return static_cast<long>(e.syllables) - static_cast<long>(e.others); };
  const long lead = net(vn1) - net(vn3);
  if (lead == 0 && vn1.lone_syllables > vn3.lone_syllables && !stands_alone_in_windows_text(byte)) return 1;  // "Á"
  return lead;
}

// The TCVN variant `bytes` is in. Each word (bytes between ASCII spaces)
// holding a byte that VN1 reads as a capital and TCVN3 as Windows
// punctuation or a control votes for the reading that makes more of it
// syllables: "ỦY" (0x9E 'Y') and "Nam Á" vote VN1, a quote glued to a word
// ("“Nghị") TCVN3, a lone dash neither. Ties go to TCVN3.
LegacyEncoding tcvn_variant(std::string_view bytes) {
  const ByteTable& vn3 = byte_table(LegacyEncoding::tcvn3);
  const ByteTable& vn1 = byte_table(LegacyEncoding::tcvn5712_1);
  long vote = 0;
  size_t votes = 0;
  for (size_t i = 0; i < bytes.size() && votes < kMaxTcvnVotes; ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (vn3[b].cp == vn1[b].cp) continue;
    size_t start = i, end = i + 1;
    while (start > 0 && !is_ascii_space(static_cast<unsigned char>(bytes[start - 1]))) --start;
    while (end < bytes.size() && !is_ascii_space(static_cast<unsigned char>(bytes[end]))) ++end;
    vote += vn1_lead(bytes.substr(start, end - start), b);
    ++votes;
    i = end;  // one vote per word
  }
  return vote > 0 ? LegacyEncoding::tcvn5712_1 : LegacyEncoding::tcvn3;
}

// ------------------------------------------------------------- mojibake

// The Windows-1252 byte for `cp`, or -1 when it has none. Latin-1 letters
// and C1 controls stand for themselves (mojibake made by Latin-1 readers).
int windows_1252_byte(char32_t cp) {
  if (cp < 0x100) return static_cast<int>(cp);
  for (size_t k = 0; k < kWindows1252At80.size(); ++k)
    if (kWindows1252At80[k] == cp) return static_cast<int>(0x80 + k);
  return -1;
}

// `bytes` read as Windows-1252 (C1 controls where it has nothing).
std::string windows_1252_reading(std::string_view bytes) {
  std::string out;
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    text::append_utf8(out, b >= 0x80 && b < 0xA0 ? kWindows1252At80[b - 0x80] : static_cast<char32_t>(b));
  }
  return out;
}

// Offset of the first byte >= 0x80 in `s`, or s.size(); eight at a time.
size_t first_non_ascii(std::string_view s) {
  size_t i = 0;
  for (uint64_t word; i + 8 <= s.size(); i += 8) {
    std::memcpy(&word, s.data() + i, 8);
    if (word & 0x8080808080808080ULL) break;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

// True when every character of `utf8` has a Windows-1252 byte. Stops at the
// first that has not: in Vietnamese text, within a few words.
bool all_in_windows_1252(std::string_view utf8) {
  for (size_t i = first_non_ascii(utf8); i < utf8.size();) {
    if (static_cast<unsigned char>(utf8[i]) < 0x80) {
      ++i;
    } else if (windows_1252_byte(text::next_code_point(utf8, i)) < 0) {
      return false;
    }
  }
  return true;
}

// `utf8` as the Windows-1252 bytes it was read from.
// REQUIRES: all_in_windows_1252(utf8).
std::string windows_1252_bytes(std::string_view utf8) {
  std::string bytes;
  bytes.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) bytes.push_back(static_cast<char>(windows_1252_byte(text::next_code_point(utf8, i))));
  return bytes;
}

// The first `max_bytes` of `utf8` or a little less, ending on a whole
// character.
std::string_view utf8_prefix(std::string_view utf8, size_t max_bytes) {
  if (utf8.size() <= max_bytes) return utf8;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(utf8[end]) & 0xC0) == 0x80) --end;
  return utf8.substr(0, end);
}

}  // namespace

std::string_view encoding_name(LegacyEncoding encoding) {
  switch (encoding) {
    case LegacyEncoding::tcvn3: return "tcvn3";
    case LegacyEncoding::tcvn5712_1: return "tcvn5712-1";
    case LegacyEncoding::vni_windows: return "vni-windows";
    case LegacyEncoding::windows_1258: return "windows-1258";
  }
  return "unknown";
}

std::string legacy_to_utf8(std::string_view bytes, LegacyEncoding encoding) {
  bool loose_marks = false;
  std::string out = convert(bytes, encoding, loose_marks);
  // Without loose marks the output is NFC already: every table character is
  // a precomposed letter or a symbol that NFC leaves alone.
  return loose_marks ? text::to_nfc(out) : out;
}

std::optional<LegacyEncoding> detect_legacy_encoding(std::string_view bytes) {
  const std::string_view sample = sample_of(bytes);
  if (sample.empty()) return std::nullopt;
  std::array<Reading, 3> readings = {read_as(sample, tcvn_variant(bytes)), read_as(sample, LegacyEncoding::vni_windows),
                                     read_as(sample, LegacyEncoding::windows_1258)};
  const Reading* best = &readings[0];
  for (const Reading& r : readings)
    if (r.evidence.share() > best->evidence.share()) best = &r;
  const Evidence& e = best->evidence;
  if (e.syllables < kMinSyllables || e.share() < kMinShare || e.overall_share() < kMinOverallShare)
    return std::nullopt;
  for (const Reading& r : readings) {
    if (&r == best || r.text == best->text) continue;  // an identical reading is no rival
    if (e.share() - r.evidence.share() < kMinLead) return std::nullopt;
  }
  return best->encoding;
}

bool reads_as_vietnamese(std::string_view bytes, LegacyEncoding encoding) {
  const Evidence e = read_as(bytes.substr(0, kSampleBytes), encoding).evidence;
  return e.syllables > 0 && e.syllables >= e.others;
}

std::optional<LegacyEncoding> detect_mojibake(std::string_view utf8) {
  if (first_non_ascii(utf8) == utf8.size() || !all_in_windows_1252(utf8)) return std::nullopt;
  // Judged on a prefix, which also settles TCVN3 or TCVN5712-1.
  const std::string bytes = windows_1252_bytes(utf8_prefix(utf8, kMojibakePrefixBytes));
  const std::optional<LegacyEncoding> legacy = detect_legacy_encoding(bytes);
  if (!legacy) return std::nullopt;
  // Text that reads as Vietnamese as it is, is not mojibake (Vietnamese
  // written with Latin-1 letters only, "tôi là giáo viên", reads as TCVN3
  // "tụi lỔ giỏo viờn" with some syllables too).
  const std::string original = windows_1252_reading(sample_of(bytes));
  if (vietnamese_evidence(original).share() > kMaxMojibakeShare) return std::nullopt;
  return legacy;
}

std::string repair_mojibake(std::string_view utf8, LegacyEncoding encoding) {
  return legacy_to_utf8(windows_1252_bytes(utf8), encoding);
}

}  // namespace vn::decode
