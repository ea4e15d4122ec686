#include "restore/train/lexicon_builder.hpp"

#include <algorithm>
#include <vector>

#include "restore/train/count_table_writer.hpp"
#include "vi/syllable.hpp"
#include "vi/terms.hpp"

namespace vn::restore {

void LexiconBuilder::add_text(std::string_view text) {
  std::vector<vi::Token> tokens;
  vi::tokenize(text, tokens);
  for (const vi::Token& t : tokens)
    if (t.kind == vi::TokenKind::kWord && t.length <= 24) ++counts_[vi::terms_for(t.text(text), t.kind).exact];
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

void save_lexicon(const Lexicon& lexicon, const std::filesystem::path& path) {
  std::vector<KeyCount> rows;
  for (const Lexicon::Entry& e : lexicon.entries()) rows.push_back({e.syllable, e.count});
  write_count_table(path, rows);
}

}  // namespace vn::restore
