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
// opens a list item ("- ", "+ ", "* ", "• ", "– "), at a blank line unless
// the next token opens with a small letter, and at the latest after
// `max_tokens` tokens.
std::vector<std::pair<size_t, size_t>> split_sentences(std::string_view text, const std::vector<vi::Token>& tokens,
                                                       size_t max_tokens = 128);

}  // namespace vn::restore
