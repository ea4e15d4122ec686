// Words of a document's lines as the metadata readers compare them: a
// line's opening words folded (no diacritics, lower case), and a line cut
// into words at spaces and the punctuation OCR puts between them.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace vn::doc {

// Whether `s` begins with `prefix` (bytes).
inline bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// vi::folded_lower of the first `max_bytes` bytes of `s` (cut at a UTF-8
// boundary): enough to recognise a line's opening words without folding
// the whole line.
std::string folded_prefix(std::string_view s, size_t max_bytes);

// The words of `s`: its runs of bytes other than ' ', ',', '.' and ';'
// ("Lưu: VT, VP." -> "Lưu:", "VT", "VP").
std::vector<std::string> words_of(std::string_view s);
// The same words as views into `s`.
std::vector<std::string_view> word_views(std::string_view s);

}  // namespace vn::doc
