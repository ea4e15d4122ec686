// Printing one document's whole text (--show): restored, original (OCR),
// or both line by line with the low-confidence restorations marked; or
// all of it as JSON.
#pragma once
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "query/searcher.hpp"

namespace vn::search {

enum class ShowMode { kRestored, kOriginal, kBoth };

// "restored", "original" or "both"; std::nullopt for anything else.
std::optional<ShowMode> parse_show_mode(std::string_view name);

struct ShowStyle {
  bool colour = false;    // mark with ANSI colour instead of [brackets]
  bool terminal = false;  // escape control characters (but tabs) of the text
};

// kRestored: the restored text (the original when not restored);
// kOriginal: the OCR text; kBoth: a legend, then each OCR line ("- ")
// above its restored line ("+ "), a line the same in both once ("= "),
// with the low-confidence tokens marked: exactly in the OCR line (their
// offsets are into the original text), and in the restored line where the
// same word holds the token's restoration. When the texts do not have the
// same number of lines, kBoth says so and prints them one after the
// other, the tokens marked in the OCR text.
void print_text(std::FILE* out, const query::DocumentText& text, ShowMode mode, ShowStyle style);

// {"path", "restored" (null when not restored), "original",
//  "low_confidence": [{"offset", "length", "restored", "confidence"}]}:
// offset and length in bytes of "original", the OCR token; "restored" its
// restoration.
std::string to_json(const query::DocumentText& text);

}  // namespace vn::search
