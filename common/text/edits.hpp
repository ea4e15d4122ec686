// Cheap string likeness for reading OCR'd words against short fixed lists.
#pragma once
#include <string_view>

namespace vn::text {

// Equal, or one byte substituted, inserted or deleted apart ("ngh]quyet"
// and "nghiquyet", "bq" and "bo"). Bytes, not code points: meant for
// folded (ASCII) text.
bool within_one_edit(std::string_view a, std::string_view b);

}  // namespace vn::text
