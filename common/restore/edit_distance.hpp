// Levenshtein distance (insertions, deletions, substitutions of code
// points) between short strings, as the candidate generator checks its
// deletion index hits (restore/candidates.hpp).
#pragma once
#include <cstdint>
#include <string_view>

#include "restore/code_point_positions.hpp"

namespace vn::restore {

// The distance by dynamic programming, the definition the others must
// match.
int edit_distance(std::u32string_view a, std::u32string_view b);

// The distances from one pattern of at most 64 code points to many texts,
// bit-parallel (Myers 1999, in Hyyrö's form for whole strings): one pass
// of a few word operations per text code point.
class EditDistanceFrom {
 public:
  static constexpr size_t kMaxPattern = CodePointPositions::kMaxLength;

  // REQUIRES: pattern.size() <= kMaxPattern.
  explicit EditDistanceFrom(std::u32string_view pattern);

  // == edit_distance(pattern, text).
  int to(std::u32string_view text) const;

 private:
  size_t length_;
  CodePointPositions positions_;
};

}  // namespace vn::restore
