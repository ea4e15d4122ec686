// Query-biased snippets: the passage of a document that best matches the
// query words, with the matching words located for highlighting.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "query/query_parser.hpp"

namespace vn::query {

struct Snippet {
  std::string text;  // one line: whitespace and controls collapsed, tokens over 60 bytes cut with "…"
  std::vector<std::pair<size_t, size_t>> matches;   // (byte offset, length) in `text`
};

// Whether the text a snippet is made from is part of a longer one (a chunk
// of a huge document): a side with more text shows "…" even when the
// window reaches it.
struct Surroundings {
  bool text_before = false;
  bool text_after = false;
};

// Picks the window of `window_tokens` tokens with the most distinct query
// words (ties: more matches, then earlier). A word typed with diacritics
// highlights its exact spelling; one typed without highlights every
// spelling that folds to it. Without matches: the document's beginning.
// REQUIRES: `document_text` is valid UTF-8.
Snippet make_snippet(std::string_view document_text, const std::vector<QueryWord>& words, size_t window_tokens = 30,
                     Surroundings around = {});

}  // namespace vn::query
