// Levenshtein distance (insertions, deletions, substitutions of code
// points) between short strings, as the candidate generator checks its
// deletion index hits (restore/candidates.hpp).
#pragma once
#include <array>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace vn::restore {

// The distance by dynamic programming, the definition the others must
// match.
int edit_distance(std::u32string_view a, std::u32string_view b);

// The distances from one pattern of at most 64 code points to many texts,
// bit-parallel (Myers 1999, in Hyyrö's form for whole strings): one pass
// of a few word operations per text code point.
class EditDistanceFrom {
 public:
  static constexpr size_t kMaxPattern = 64;

  // REQUIRES: pattern.size() <= kMaxPattern.
  explicit EditDistanceFrom(std::u32string_view pattern);

  // == edit_distance(pattern, text).
  int to(std::u32string_view text) const;

 private:
  // Bit i of a mask: pattern[i] is the code point.
  uint64_t mask_of(char32_t c) const {
    if (c < ascii_.size()) return ascii_[c];
    for (const auto& [other, mask] : others_)
      if (other == c) return mask;
    return 0;
  }

  size_t length_;
  std::array<uint64_t, 128> ascii_{};
  std::vector<std::pair<char32_t, uint64_t>> others_;  // code points beyond ASCII
};

}  // namespace vn::restore
