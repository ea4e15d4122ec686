// Cheap string likeness for reading OCR'd words against short fixed lists.
#pragma once
#include <string_view>

namespace vn::text {

// Equal, or one byte substituted, inserted or deleted apart ("ngh]quyet"
// and "nghiquyet", "bq" and "bo"). Bytes, not code points: meant for
// folded (ASCII) text.
bool within_one_edit(std::string_view a, std::string_view b);

// Levenshtein distance in bytes (substitutions, insertions, deletions),
// stopping early: any distance above `limit` is returned as limit + 1.
// Meant for short folded words.
int edit_distance_within(std::string_view a, std::string_view b, int limit);

}  // namespace vn::text
