#include "restore/edit_distance.hpp"

#include <algorithm>

namespace vn::restore {

int edit_distance(std::u32string_view a, std::u32string_view b) {
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

EditDistanceFrom::EditDistanceFrom(std::u32string_view pattern) : length_(pattern.size()), positions_(pattern) {}

// Column by column of the DP matrix over the text, each column's vertical
// differences (+1, -1 or 0 from the cell above) held as two bit vectors;
// the distance is tracked in the last row.
int EditDistanceFrom::to(std::u32string_view text) const {
  if (length_ == 0) return static_cast<int>(text.size());
  const uint64_t last = uint64_t{1} << (length_ - 1);
  uint64_t vp = ~uint64_t{0}, vn = 0;  // vertical +1 / -1
  int distance = static_cast<int>(length_);
  for (char32_t c : text) {
    const uint64_t x = positions_.of(c) | vn;
    const uint64_t d0 = (((x & vp) + vp) ^ vp) | x;
    uint64_t hp = vn | ~(d0 | vp);  // horizontal +1 / -1
    uint64_t hn = d0 & vp;
    if (hp & last) ++distance;
    if (hn & last) --distance;
    hp = (hp << 1) | 1;  // row 0 grows by one per text code point
    hn <<= 1;
    vp = hn | ~(d0 | hp);
    vn = hp & d0;
  }
  return distance;
}

}  // namespace vn::restore
