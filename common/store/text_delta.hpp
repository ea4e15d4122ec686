// The original (OCR) text of a restored document, stored as its difference
// from the restored text: most of its words are the restored words without
// their diacritics, so a record need not hold the text twice.
//
// Format (part of the sidecar record format: store/record.hpp; never change
// it in place, a new form needs a new record version). The original and the
// restored text are cut into lines at '\n'; both have the same number of
// lines (the restorer keeps lines). The delta has one entry per line,
// joined by '\n':
//   - "\x01" followed by the original line verbatim; or
//   - one field per word of the restored line, joined by ' ', when the
//     original line has the same separators (runs of ' ', '\t', '\r', '\v',
//     '\f') and the same number of words. A word's field is empty when the
//     original word is the prediction of the restored word, else
//     (p + '0') (r + '0') INSERTED, p, r in [0, 42]: the original word is
//     the prediction's first p bytes, then INSERTED, then the prediction
//     from byte p + r on.
// The prediction of a word replaces each Vietnamese vowel letter with a
// tone or quality mark by its bare letter (both cases: "ế" -> "e",
// "Ư" -> "U") and đ/Đ by d/D, and keeps every other byte: a fixed table
// (text_delta.cpp), deliberately not vi::fold, whose behaviour on other
// scripts follows utf8proc's version.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace vn::store {

// The delta that gives `original` back from `restored`, or std::nullopt
// when the two do not have the same lines (the text is then stored as it
// is). Checked: decode_text_delta(*result, restored) == original.
std::optional<std::string> encode_text_delta(std::string_view original, std::string_view restored);

// The original text from `restored` and its delta. Throws
// std::runtime_error when `delta` does not fit `restored`.
std::string decode_text_delta(std::string_view delta, std::string_view restored);

}  // namespace vn::store
