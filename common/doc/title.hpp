// The title line shown for a document in hit lists.
#pragma once
#include <string>
#include <string_view>

namespace vn::doc {

// Administrative documents put their type on a line of its own ("BÁO CÁO",
// "NGHỊ QUYẾT", ...) with the subject (trích yếu) on the next line; the
// title is "<type> <subject>". Recognised in folded form, so OCR'd text
// without diacritics ("BAO CAO") works too. Official letters (công văn)
// have no type line but a subject line "V/v ...", which is the title then.
// Otherwise, the first non-empty line. Whitespace collapsed; at most `max_bytes` bytes (cut at a
// UTF-8 boundary). REQUIRES: valid UTF-8.
std::string title_of(std::string_view text, size_t max_bytes = 200);

}  // namespace vn::doc
