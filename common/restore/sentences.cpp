#include "restore/sentences.hpp"

namespace vn::restore {
namespace {

// Whether the text between two tokens ends a sentence.
bool ends_sentence(std::string_view gap) {
  size_t newlines = 0;
  for (char c : gap) {
    if (c == '.' || c == '?' || c == '!' || c == ';' || c == ':') return true;
    if (c == '\n' && ++newlines == 2) return true;
  }
  return false;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> split_sentences(std::string_view text, const std::vector<vi::Token>& tokens,
                                                       size_t max_tokens) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t begin = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const size_t gap_from = tokens[i].offset + tokens[i].length;
    const size_t gap_to = i + 1 < tokens.size() ? tokens[i + 1].offset : text.size();
    if (i + 1 == tokens.size() || i + 1 - begin >= max_tokens || ends_sentence(text.substr(gap_from, gap_to - gap_from))) {
      out.emplace_back(begin, i + 1);
      begin = i + 1;
    }
  }
  return out;
}

}  // namespace vn::restore
