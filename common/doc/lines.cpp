#include "doc/lines.hpp"

#include "text/whitespace.hpp"

namespace vn::doc {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::vector<Segment> split_segments(std::string_view r) {
  std::vector<Segment> out;
  size_t i = 0;
  while (i < r.size()) {
    size_t j = i;
    while (j < r.size() && is_space(r[j])) ++j;
    if (j >= r.size()) break;
    const bool left = j == 0;
    size_t k = j;
    while (k < r.size()) {
      if (r[k] == '\t') break;
      if (r[k] == ' ') {
        size_t m = k;
        while (m < r.size() && r[m] == ' ') ++m;
        if (m - k >= 3 || m == r.size()) break;
        k = m;
        continue;
      }
      ++k;
    }
    out.push_back({text::collapse_whitespace(r.substr(j, k - j)), left});
    i = k;
  }
  return out;
}

}  // namespace

Line::Line(std::string_view raw) : raw_(raw) {
  while (lead_ < raw_.size() && is_space(raw_[lead_])) ++lead_;
}

const std::string& Line::flat() const {
  if (!flat_) flat_ = text::collapse_whitespace(raw_);
  return *flat_;
}

const std::vector<Segment>& Line::segments() const {
  if (!segments_) segments_ = split_segments(raw_);
  return *segments_;
}

std::string Line::left() const {
  const auto& s = segments();
  return s.empty() || !s[0].left ? std::string() : s[0].text;
}

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(start, end - start));
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

}  // namespace vn::doc
