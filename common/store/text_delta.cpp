#include "store/text_delta.hpp"

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/split.hpp"

namespace vn::store {
namespace {

using text::split;

// ---- the prediction (fixed: part of the format) ----

// Each row: a bare letter, then the letters that predict it.
constexpr std::u32string_view kPredictionRows[] = {
    U"aàáảãạăằắẳẵặâầấẩẫậ", U"AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", U"eèéẻẽẹêềếểễệ", U"EÈÉẺẼẸÊỀẾỂỄỆ",
    U"iìíỉĩị",             U"IÌÍỈĨỊ",             U"oòóỏõọôồốổỗộơờớởỡợ", U"OÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ",
    U"uùúủũụưừứửữự",       U"UÙÚỦŨỤƯỪỨỬỮỰ",       U"yỳýỷỹỵ",             U"YỲÝỶỸỴ",
    U"dđ",                 U"DĐ",
};

const std::unordered_map<char32_t, char>& prediction_table() {
  static const auto table = [] {
    std::unordered_map<char32_t, char> t;
    for (std::u32string_view row : kPredictionRows)
      for (char32_t c : row.substr(1)) t[c] = static_cast<char>(row[0]);
    return t;
  }();
  return table;
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Bytes of the UTF-8 sequence a lead byte starts (1 for anything else).
size_t sequence_length(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  return 1;  // ASCII, 4-byte sequences (no Vietnamese letter) and stray bytes are kept as they are
}

// The prediction of `s`: see the header. Keeps every byte that is not a
// whole 2- or 3-byte sequence of a letter in the table, so separators stay.
std::string predict(std::string_view s) {
  const auto& table = prediction_table();
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    size_t n = sequence_length(lead);
    if (n == 1 || i + n > s.size() || !std::all_of(s.begin() + i + 1, s.begin() + i + n, is_continuation)) {
      out += s[i++];
      continue;
    }
    char32_t cp = lead & (n == 2 ? 0x1F : 0x0F);
    for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (auto it = table.find(cp); it != table.end()) out += it->second;
    else out.append(s.substr(i, n));
    i += n;
  }
  return out;
}

// ---- lines and words ----

bool is_separator(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

// A line as separators and words: seps[0] words[0] seps[1] ... words[n-1] seps[n].
struct SplitLine {
  std::vector<std::string_view> seps, words;
};

SplitLine split_line(std::string_view line) {
  SplitLine out;
  size_t i = 0;
  for (;;) {
    const size_t sep_start = i;
    while (i < line.size() && is_separator(line[i])) ++i;
    out.seps.push_back(line.substr(sep_start, i - sep_start));
    if (i == line.size()) return out;
    const size_t word_start = i;
    while (i < line.size() && !is_separator(line[i])) ++i;
    out.words.push_back(line.substr(word_start, i - word_start));
  }
}

constexpr char kVerbatimLine = '\x01';
constexpr size_t kMaxSpan = 42;  // p and r as one character each, '0' .. 'Z'

// ---- encoding ----

// The field of `original` against its prediction `predicted` (see the
// header), or std::nullopt when a span is too long for one character.
std::optional<std::string> word_field(std::string_view original, std::string_view predicted) {
  if (original == predicted) return std::string();
  const size_t shorter = std::min(original.size(), predicted.size());
  size_t p = 0;
  while (p < shorter && original[p] == predicted[p]) ++p;
  while (p > 0 && p < predicted.size() && is_continuation(predicted[p])) --p;  // whole characters
  size_t s = 0;
  while (s < shorter - p && original[original.size() - 1 - s] == predicted[predicted.size() - 1 - s]) ++s;
  while (s > 0 && is_continuation(predicted[predicted.size() - s])) --s;
  const size_t r = predicted.size() - p - s;
  if (p > kMaxSpan || r > kMaxSpan) return std::nullopt;
  std::string field{static_cast<char>('0' + p), static_cast<char>('0' + r)};
  field.append(original.substr(p, original.size() - p - s));
  return field;
}

std::string line_entry(std::string_view original, std::string_view restored) {
  const std::string predicted = predict(restored);
  const SplitLine o = split_line(original), w = split_line(predicted);
  std::string entry;
  if (o.seps == w.seps) {  // same separators: the same number of words too
    for (size_t i = 0; i < w.words.size(); ++i) {
      const std::optional<std::string> field = word_field(o.words[i], w.words[i]);
      if (!field) break;
      if (i > 0) entry += ' ';
      entry += *field;
      if (i + 1 == w.words.size()) return entry;
    }
    if (w.words.empty()) return entry;
  }
  entry.assign(1, kVerbatimLine);
  entry.append(original);
  return entry;
}

// ---- decoding ----

[[noreturn]] void malformed() { throw std::runtime_error("sidecar text delta does not fit the restored text"); }

void append_word(std::string& out, std::string_view field, std::string_view predicted) {
  if (field.empty()) {
    out.append(predicted);
    return;
  }
  if (field.size() < 2) malformed();
  const size_t p = static_cast<size_t>(field[0] - '0'), r = static_cast<size_t>(field[1] - '0');
  if (field[0] < '0' || field[1] < '0' || p > kMaxSpan || r > kMaxSpan || p + r > predicted.size()) malformed();
  out.append(predicted.substr(0, p));
  out.append(field.substr(2));
  out.append(predicted.substr(p + r));
}

void append_line(std::string& out, std::string_view entry, std::string_view restored) {
  if (!entry.empty() && entry[0] == kVerbatimLine) {
    out.append(entry.substr(1));
    return;
  }
  const std::string predicted = predict(restored);
  const SplitLine w = split_line(predicted);
  const std::vector<std::string_view> fields =
      w.words.empty() ? std::vector<std::string_view>{} : split(entry, ' ');
  if (fields.size() != w.words.size() || (w.words.empty() && !entry.empty())) malformed();
  for (size_t i = 0; i < w.words.size(); ++i) {
    out.append(w.seps[i]);
    append_word(out, fields[i], w.words[i]);
  }
  out.append(w.seps.back());
}

}  // namespace

std::optional<std::string> encode_text_delta(std::string_view original, std::string_view restored) {
  const std::vector<std::string_view> o = split(original, '\n'), r = split(restored, '\n');
  if (o.size() != r.size()) return std::nullopt;
  std::string delta;
  delta.reserve(original.size() / 2);
  for (size_t i = 0; i < o.size(); ++i) {
    if (i > 0) delta += '\n';
    delta += line_entry(o[i], r[i]);
  }
  if (decode_text_delta(delta, restored) != original) return std::nullopt;  // never lose a byte
  return delta;
}

std::string decode_text_delta(std::string_view delta, std::string_view restored) {
  const std::vector<std::string_view> d = split(delta, '\n'), r = split(restored, '\n');
  if (d.size() != r.size()) malformed();
  std::string out;
  out.reserve(restored.size());
  for (size_t i = 0; i < d.size(); ++i) {
    if (i > 0) out += '\n';
    append_line(out, d[i], r[i]);
  }
  return out;
}

}  // namespace vn::store
