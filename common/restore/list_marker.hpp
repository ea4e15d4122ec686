// Letters that number the items of a list, as legal and administrative
// texts do: "a)", "b)", ..., "đ)", "e)" opening a line. OCR reads them
// right, and they are no syllables, so restoration keeps them as written
// instead of reading "c)" as "cô)" or "d)" as "ở)".
#pragma once
#include <string_view>

#include "vi/tokenizer.hpp"

namespace vn::restore {

// True when `token` (a token of `text`) is one letter, or an OCR symbol
// read for "c" ("¢", "©"), directly followed by ")", with nothing but
// spaces or tabs before it on its line.
bool is_list_marker(std::string_view text, const vi::Token& token);

// The letter a list marker (is_list_marker) stands for: "c" for "¢" and
// "©", the marker itself otherwise.
std::string_view list_marker_letter(std::string_view marker);

}  // namespace vn::restore
