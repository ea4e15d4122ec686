#include "doc/lines.hpp"

#include <algorithm>

#include "text/whitespace.hpp"

namespace vn::doc {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

constexpr size_t kColumnGap = 3;  // spaces that part two columns

std::vector<Segment> split_segments(std::string_view r) {
  std::vector<Segment> out;
  size_t i = 0;
  while (i < r.size()) {
    size_t j = i;
    while (j < r.size() && is_space(r[j])) ++j;
    if (j >= r.size()) break;
    const bool left = j < kColumnGap && r.substr(0, j).find('\t') == std::string_view::npos;
    size_t k = j;
    while (k < r.size()) {
      if (r[k] == '\t') break;
      if (r[k] == ' ') {
        size_t m = k;
        while (m < r.size() && r[m] == ' ') ++m;
        if (m - k >= kColumnGap || m == r.size()) break;
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

std::string_view Line::laid_out() const {
  if (raw_.size() <= kMaxLayoutLineBytes) return raw_;
  size_t cut = kMaxLayoutLineBytes;
  while (cut > 0 && (static_cast<unsigned char>(raw_[cut]) & 0xC0) == 0x80) --cut;  // a UTF-8 boundary
  return raw_.substr(0, cut);
}

const std::string& Line::flat() const {
  if (!flat_) flat_ = text::collapse_whitespace(laid_out());
  return *flat_;
}

const std::vector<Segment>& Line::segments() const {
  if (!segments_) segments_ = split_segments(laid_out());
  return *segments_;
}

std::string Line::left() const {
  const auto& s = segments();
  return s.empty() || !s[0].left ? std::string() : s[0].text;
}

Lines::Lines(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (size_t end = text.find('\n'); end != std::string_view::npos; end = text.find('\n', end + 1))
    starts_.push_back(static_cast<uint32_t>(end + 1));
}

Line Lines::view(size_t i) const {
  const size_t start = starts_[i];
  const size_t end = i + 1 < starts_.size() ? starts_[i + 1] - 1 : text_.size();
  return Line(text_.substr(start, end - start));
}

const Line& Lines::at(size_t i) const {
  auto it = kept_.find(i);
  if (it == kept_.end()) it = kept_.emplace(i, view(i)).first;
  return it->second;
}

size_t Lines::line_starting_at(size_t offset) const {
  const auto it = std::lower_bound(starts_.begin(), starts_.end(), offset);
  return it != starts_.end() && *it == offset ? static_cast<size_t>(it - starts_.begin()) : starts_.size();
}

}  // namespace vn::doc
