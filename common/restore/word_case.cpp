#include "restore/word_case.hpp"

#include "restore/token_case.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "vi/letters.hpp"

namespace vn::restore {

namespace {

// Whether an OCR token opens with a capital that OCR gives small letters:
// one a scan shows much as its small letter (C, K, O, S, U, V, W, X, Z),
// or an I or L read for an l. "miền Bắc", "châu Âu" keep theirs.
bool looks_alike_in_capitals(std::string_view word) {
  size_t i = 0;
  const char32_t first = vi::strip_diacritics(text::lower(text::next_code_point(word, i)));
  return first < 0x80 && std::string_view("ciklosuvwxz").find(static_cast<char>(first)) != std::string_view::npos;
}

}  // namespace

bool capital_inside_word(const LanguageModel& lm, const Lexicon& lexicon, std::string_view text,
                         const std::vector<vi::Token>& tokens, size_t i, std::string_view restored,
                         std::u32string_view previous, std::u32string_view syllable, float min_log_prob) {
  if (i == 0) return false;
  const vi::Token& before = tokens[i - 1];
  if (case_pattern(restored) != CasePattern::kCapitalised || case_pattern(before.text(text)) != CasePattern::kLower ||
      !looks_alike_in_capitals(tokens[i].text(text)))
    return false;
  size_t breaks = 0;  // a blank line before a capital ends the sentence (restore/sentences.hpp)
  for (size_t k = before.offset + before.length; k < tokens[i].offset; ++k)
    if ((text[k] != ' ' && text[k] != '\n' && text[k] != '\r') || (text[k] == '\n' && ++breaks > 1)) return false;
  const WordId first = lexicon.id(text::to_utf8(previous)), second = lexicon.id(text::to_utf8(syllable));
  if (first < kFirstSyllable || second < kFirstSyllable) return false;
  LanguageModel::State none, after_first, ignored;
  none.length = 0;
  lm.score(none, first, after_first);
  return lm.score(after_first, second, ignored) >= min_log_prob;
}

}  // namespace vn::restore
