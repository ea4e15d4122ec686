// Where each code point occurs in a short string, as a bit mask: the
// pattern table of bit-parallel string algorithms (restore/edit_distance.hpp)
// and of the channel scorer's emission lookup (restore/channel_model.hpp).
#pragma once
#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace vn::restore {

class CodePointPositions {
 public:
  static constexpr size_t kMaxLength = 64;

  CodePointPositions() = default;  // an empty string: of() is 0 everywhere
  // REQUIRES: s.size() <= kMaxLength.
  explicit CodePointPositions(std::u32string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
      const char32_t c = s[i];
      const uint64_t bit = uint64_t{1} << i;
      if (c < ascii_.size()) {
        ascii_[c] |= bit;
        continue;
      }
      auto it = std::find_if(others_.begin(), others_.end(), [c](const auto& o) { return o.first == c; });
      if (it == others_.end()) others_.emplace_back(c, bit);
      else it->second |= bit;
    }
  }

  // Bit i set: s[i] == c.
  uint64_t of(char32_t c) const {
    if (c < ascii_.size()) return ascii_[c];
    for (const auto& [other, mask] : others_)
      if (other == c) return mask;
    return 0;
  }

 private:
  std::array<uint64_t, 128> ascii_{};
  std::vector<std::pair<char32_t, uint64_t>> others_;  // code points beyond ASCII, few per string
};

}  // namespace vn::restore
