#include "restore/train/lexicon_builder.hpp"

#include <algorithm>
#include <vector>

#include "restore/train/count_table_writer.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "vi/syllable.hpp"
#include "vi/terms.hpp"

namespace vn::restore {

void LexiconBuilder::add_text(std::string_view text) {
  std::vector<vi::Token> tokens;
  vi::tokenize(text, tokens);
  for (size_t i = 0; i < tokens.size(); ++i) {
    const vi::Token& t = tokens[i];
    if (t.kind != vi::TokenKind::kWord || t.length > 24) continue;
    const std::string word = vi::terms_for(t.text(text), t.kind).exact;
    ++counts_[word];
    // Written in lower case right after a number: a unit ("2,7 km").
    if (i > 0 && tokens[i - 1].kind == vi::TokenKind::kNumber && text::to_lower(t.text(text)) == t.text(text))
      ++after_number_[word];
  }
}

Lexicon LexiconBuilder::build(uint64_t min_count) const {
  std::vector<Lexicon::Entry> entries;
  for (const auto& [syllable, count] : counts_)
    if (count >= min_count && vi::parse_syllable(std::string_view(syllable))) entries.push_back({syllable, count});
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a.count != b.count ? a.count > b.count : a.syllable < b.syllable;
  });
  return Lexicon(std::move(entries));
}

bool LexiconBuilder::is_kept_word(const std::string& word, uint64_t count) const {
  if (vi::parse_syllable(std::string_view(word))) return false;
  const size_t letters = text::to_u32(word).size();
  if (letters >= 4) return true;
  const auto units = after_number_.find(word);
  return letters >= 2 && units != after_number_.end() && units->second * 2 >= count;
}

std::vector<KeyCount> LexiconBuilder::kept_words(uint64_t min_count) const {
  std::vector<KeyCount> words;
  for (const auto& [word, count] : counts_)
    if (count >= min_count && is_kept_word(word, count)) words.push_back({word, count});
  std::sort(words.begin(), words.end(),
            [](const auto& a, const auto& b) { return a.count != b.count ? a.count > b.count : a.key < b.key; });
  return words;
}

void save_kept_words(const std::vector<KeyCount>& words, const std::filesystem::path& path) {
  write_count_table(path, words);
}

void save_lexicon(const Lexicon& lexicon, const std::filesystem::path& path) {
  std::vector<KeyCount> rows;
  for (const Lexicon::Entry& e : lexicon.entries()) rows.push_back({e.syllable, e.count});
  write_count_table(path, rows);
}

}  // namespace vn::restore
