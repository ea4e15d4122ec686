#include "decode/damaged_utf8.hpp"

#include <algorithm>

#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace vn::decode {
namespace {

constexpr size_t kMaxGap = 64;              // ASCII bytes between two ill-formed ones of a passage
constexpr size_t kSampleBytes = 16 << 10;   // of passages, for detect_legacy_encoding()

bool is_high(char c) { return static_cast<unsigned char>(c) >= 0x80; }

bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// A byte of an ASCII word.
bool is_word_byte(char c) { return !is_high(c) && !is_ascii_space(c); }

bool ill_formed_at(std::string_view s, size_t i) { return text::sequence_length_at(s, i) == 0; }

struct Passage {
  size_t start, end;
};

// The next passage at or after `from` (a sequence boundary), or {n, n}.
Passage next_passage(std::string_view s, size_t from) {
  const size_t bad = text::find_invalid_utf8(s.substr(from));
  if (bad == text::kValid) return {s.size(), s.size()};
  size_t start = from + bad, end = start;
  while (start > from && is_word_byte(s[start - 1])) --start;
  while (end < s.size()) {
    if (ill_formed_at(s, end)) {
      ++end;
      continue;
    }
    size_t next = end;  // over an ASCII gap, to another ill-formed byte?
    while (next < s.size() && next - end < kMaxGap && !is_high(s[next])) ++next;
    if (next == s.size() || !is_high(s[next]) || !ill_formed_at(s, next)) break;
    end = next;
  }
  while (end < s.size() && is_word_byte(s[end])) ++end;
  return {start, end};
}

// Well-formed multi-byte sequences in well-formed `s`: their lead bytes.
uint64_t count_multibyte(std::string_view s) {
  return static_cast<uint64_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0xC0; }));
}

// `passage` with each run of ill-formed bytes (its bytes >= 0x80) as U+FFFD.
void append_replaced(std::string& out, std::string_view passage, uint64_t offset, Damage& damage) {
  for (size_t i = 0; i < passage.size();) {
    if (!is_high(passage[i])) {
      out += passage[i++];
      continue;
    }
    const size_t start = i;
    while (i < passage.size() && is_high(passage[i])) ++i;
    out += "\xEF\xBF\xBD";
    damage.add({DamagedSpan::Kind::kInvalidUtf8, offset + start, i - start, {}});
  }
}

}  // namespace

Utf8Survey survey_utf8(std::string_view bytes) {
  Utf8Survey survey;
  for (size_t at = 0; at < bytes.size();) {
    const Passage p = next_passage(bytes, at);
    survey.multibyte_chars += count_multibyte(bytes.substr(at, p.start - at));
    const std::string_view passage = bytes.substr(p.start, p.end - p.start);
    survey.ill_formed_bytes += static_cast<uint64_t>(std::count_if(passage.begin(), passage.end(), is_high));
    if (survey.passages.size() < kSampleBytes && !passage.empty()) {
      survey.passages.append(passage.substr(0, kSampleBytes - survey.passages.size()));
      survey.passages += '\n';
    }
    at = p.end;
  }
  return survey;
}

std::string read_damaged_utf8(std::string_view bytes, std::optional<LegacyEncoding> legacy, uint64_t base,
                              Damage& damage) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (size_t at = 0; at < bytes.size();) {
    const Passage p = next_passage(bytes, at);
    out.append(bytes.substr(at, p.start - at));
    const std::string_view passage = bytes.substr(p.start, p.end - p.start);
    if (passage.empty()) break;
    if (legacy && reads_as_vietnamese(passage, *legacy)) {
      out += legacy_to_utf8(passage, *legacy);
      damage.add({DamagedSpan::Kind::kLegacy, base + p.start, passage.size(), encoding_name(*legacy)});
    } else {
      append_replaced(out, passage, base + p.start, damage);
    }
    at = p.end;
  }
  return text::to_nfc(out);
}

}  // namespace vn::decode
