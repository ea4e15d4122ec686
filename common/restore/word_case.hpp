// The case of a syllable inside a word: OCR writes some small letters as
// capitals (k, c, o, s, v, u look alike in both cases on a scan), so
// "triển khai" comes out "triển Khai" and a title or a recipient is wrong
// by one letter's case. Vietnamese capitalises a word's first syllable
// only ("Kế hoạch", "Ban Thường vụ"; a name capitalises every syllable):
// a capital right after a syllable in small letters that the language
// model says it nearly always follows is such an OCR capital.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "restore/language_model.hpp"
#include "restore/lexicon.hpp"
#include "vi/tokenizer.hpp"

namespace vn::restore {

// Whether tokens[i] of `text`, read as the syllable `syllable` and
// written `restored`, capitalised ("Khai", "Lý" from OCR "IW"), is the
// small-letter tail of a word that tokens[i-1], in small letters and read
// as `previous`, opens: only spaces and at most one line break between
// the two (a blank line before a capital ends a sentence, and
// restore_in_pieces may cut there), log10 P(syllable | previous) in the
// bigram model of `lm` at least `min_log_prob`, and a first letter OCR
// confuses by case (c, k, o, s, u, v, w, x, z; I or L for l). Both must be
// syllables of `lexicon`. A word's own capital follows the syllable before
// less surely: "triển" -> "khai" and "quản" -> "lý" score above -1, "theo"
// -> "quyết" ("theo Quyết định") between -2 and -1.5, "thảo" -> "luật"
// ("dự thảo Luật Đất đai") below -3.
bool capital_inside_word(const LanguageModel& lm, const Lexicon& lexicon, std::string_view text,
                         const std::vector<vi::Token>& tokens, size_t i, std::string_view restored,
                         std::u32string_view previous, std::u32string_view syllable, float min_log_prob);

}  // namespace vn::restore
