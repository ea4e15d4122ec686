// Cutting token sequences into the units the language model scores, the
// same way at training and at decoding time.
#pragma once
#include <string_view>
#include <utility>
#include <vector>

#include "vi/tokenizer.hpp"

namespace vn::restore {

// Half-open ranges [begin, end) of `tokens`: a sentence ends after a token
// followed by . ? ! ; or : (before the next token), before a line that
// opens a list item ("- ", "+ ", "* ", "• ", "– ", or a letter and ")":
// "a)", restore/list_marker.hpp), at a blank line unless the next token
// opens with a small letter, and at the latest after `max_tokens` tokens.
std::vector<std::pair<size_t, size_t>> split_sentences(std::string_view text, const std::vector<vi::Token>& tokens,
                                                       size_t max_tokens = 128);

// Whether a blank line before `after` (the text that follows it) ends a
// sentence as split_sentences reads it: unless the first word after it
// opens with a small letter. The word is the first letter or digit on,
// past any marks before it ("-oa" opens with a small letter), as
// split_sentences sees the next token.
bool blank_line_ends_sentence(std::string_view after);

}  // namespace vn::restore
