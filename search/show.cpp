#include "search/show.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <vector>

#include "text/utf8.hpp"
#include "util/json.hpp"

namespace vn::search {
namespace {

constexpr const char* kMarkOn = "\x1b[4;33m";  // underlined yellow
constexpr const char* kMarkOff = "\x1b[0m";

// `s`, its control characters but tabs escaped when printing to a terminal.
std::string safe(std::string_view s, ShowStyle style) {
  if (!style.terminal) return std::string(s);
  std::string out;
  for (size_t start = 0;;) {
    const size_t tab = s.find('\t', start);
    out += text::printable(s.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) return out;
    out += '\t';
    start = tab + 1;
  }
}

// The lines of `s` (cut at '\n'); a final '\n' ends the last line rather
// than starting an empty one.
std::vector<std::string_view> lines_of(std::string_view s) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t nl; (nl = s.find('\n', start)) != std::string_view::npos; start = nl + 1) lines.push_back(s.substr(start, nl - start));
  if (start < s.size()) lines.push_back(s.substr(start));
  return lines;
}

using Marks = std::vector<std::pair<size_t, size_t>>;  // (byte offset, length) in a line, in order

// `line` with the `marks` in it marked; a mark overlapping the one before
// or reaching past the line is left out.
std::string with_marks(std::string_view line, const Marks& marks, ShowStyle style) {
  std::string out;
  size_t cursor = 0;
  for (const auto& [offset, length] : marks) {
    if (offset < cursor || offset + length > line.size()) continue;
    out += safe(line.substr(cursor, offset - cursor), style);
    out += style.colour ? kMarkOn : "[";
    out += safe(line.substr(offset, length), style);
    out += style.colour ? kMarkOff : "]";
    cursor = offset + length;
  }
  return out + safe(line.substr(cursor), style);
}

// The low-confidence tokens within the bytes [begin, end) of the original
// text, as marks in that line, from token `next` on (tokens in order of
// offset); `next` moves past every token that starts before `end`.
Marks marks_in(size_t begin, size_t end, const std::vector<store::UncertainToken>& tokens, size_t& next) {
  Marks marks;
  for (; next < tokens.size() && tokens[next].offset < end; ++next)
    if (tokens[next].offset >= begin) marks.emplace_back(tokens[next].offset - begin, tokens[next].length);
  return marks;
}

// The words of `line` (runs of bytes other than ' ' and '\t'), as (offset, length).
Marks words_of(std::string_view line) {
  Marks words;
  for (size_t i = 0; i < line.size();) {
    const size_t start = line.find_first_not_of(" \t", i);
    if (start == std::string_view::npos) break;
    const size_t stop = std::min(line.find_first_of(" \t", start), line.size());
    words.emplace_back(start, stop - start);
    i = stop;
  }
  return words;
}

// Where the OCR line's `marked_tokens` stand in its restored line: the
// same word (by its place among the words, when both lines have as many),
// at the first place in it that reads the token's restoration. A token
// not found so is left unmarked there.
Marks restored_marks(std::string_view ocr, std::string_view fixed, const Marks& ocr_marks,
                     const std::vector<std::string_view>& readings) {
  const Marks ocr_words = words_of(ocr), fixed_words = words_of(fixed);
  Marks out;
  if (ocr_words.size() != fixed_words.size()) return out;
  for (size_t m = 0; m < ocr_marks.size(); ++m) {
    size_t w = 0;
    while (w + 1 < ocr_words.size() && ocr_words[w + 1].first <= ocr_marks[m].first) ++w;
    const auto [start, length] = fixed_words[w];
    const size_t at = fixed.substr(start, length).find(readings[m]);
    if (at != std::string_view::npos && !readings[m].empty()) out.emplace_back(start + at, readings[m].size());
  }
  return out;
}

void put(std::FILE* out, std::string_view prefix, const std::string& line) {
  std::fprintf(out, "%.*s%s\n", static_cast<int>(prefix.size()), prefix.data(), line.c_str());
}

void print_legend(std::FILE* out, ShowStyle style) {
  std::fprintf(out, "# - OCR line, + its restoration, = a line the same in both; %s: restored with low confidence\n\n",
               style.colour ? "\x1b[4;33mword\x1b[0m" : "[word]");
}

// Each OCR line above its restored line. REQUIRES: as many lines in both.
void print_paired(std::FILE* out, const query::DocumentText& t, const std::vector<std::string_view>& ocr,
                  ShowStyle style) {
  const std::vector<std::string_view> fixed = lines_of(*t.restored);
  size_t next = 0;
  for (size_t i = 0; i < ocr.size(); ++i) {
    const size_t begin = static_cast<size_t>(ocr[i].data() - t.original.data());
    const size_t first = next;
    const Marks marks = marks_in(begin, begin + ocr[i].size(), t.low_confidence, next);
    if (ocr[i] == fixed[i]) {
      put(out, ocr[i].empty() ? "" : "= ", with_marks(ocr[i], marks, style));
      continue;
    }
    std::vector<std::string_view> readings;
    for (size_t k = first; k < next; ++k)
      if (t.low_confidence[k].offset >= begin) readings.push_back(t.low_confidence[k].restored);
    put(out, "- ", with_marks(ocr[i], marks, style));
    put(out, "+ ", with_marks(fixed[i], restored_marks(ocr[i], fixed[i], marks, readings), style));
  }
}

void print_both(std::FILE* out, const query::DocumentText& t, ShowStyle style) {
  if (!t.restored) {
    std::fprintf(out, "# not restored: the text as indexed\n\n");
    std::fputs(safe(t.original, style).c_str(), out);
    return;
  }
  print_legend(out, style);
  const std::vector<std::string_view> ocr = lines_of(t.original);
  const size_t restored_lines = lines_of(*t.restored).size();
  if (ocr.size() == restored_lines) return print_paired(out, t, ocr, style);
  std::fprintf(out, "# the OCR text (%zu lines) and the restored text (%zu lines) do not have matching lines: "
               "shown one after the other, uncertain words marked in the OCR text\n\n# OCR text:\n",
               ocr.size(), restored_lines);
  size_t next = 0;
  std::fputs(with_marks(t.original, marks_in(0, t.original.size(), t.low_confidence, next), style).c_str(), out);
  std::fprintf(out, "\n# restored text:\n");
  std::fputs(safe(*t.restored, style).c_str(), out);
}

}  // namespace

std::optional<ShowMode> parse_show_mode(std::string_view name) {
  if (name == "restored") return ShowMode::kRestored;
  if (name == "original") return ShowMode::kOriginal;
  if (name == "both") return ShowMode::kBoth;
  return std::nullopt;
}

void print_text(std::FILE* out, const query::DocumentText& t, ShowMode mode, ShowStyle style) {
  switch (mode) {
    case ShowMode::kRestored:
      std::fputs(safe(t.restored ? *t.restored : t.original, style).c_str(), out);
      break;
    case ShowMode::kOriginal:
      std::fputs(safe(t.original, style).c_str(), out);
      break;
    case ShowMode::kBoth:
      print_both(out, t, style);
      break;
  }
}

std::string to_json(const query::DocumentText& t) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  util::put_string(w, "path", text::escape_invalid_utf8(t.path));
  w.Key("restored");
  if (t.restored) w.String(t.restored->data(), static_cast<rapidjson::SizeType>(t.restored->size()));
  else w.Null();
  util::put_string(w, "original", t.original);
  w.Key("low_confidence");
  w.StartArray();
  for (const store::UncertainToken& u : t.low_confidence) {
    w.StartObject();
    w.Key("offset"), w.Uint(u.offset);
    w.Key("length"), w.Uint(u.length);
    util::put_string(w, "restored", u.restored);
    w.Key("confidence"), w.Double(static_cast<double>(u.confidence));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace vn::search
