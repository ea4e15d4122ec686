#include "restore/lexicon.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include "restore/count_table.hpp"
#include "vi/terms.hpp"
#include "vi/syllable.hpp"

namespace vn::restore {

Lexicon::Lexicon(std::vector<Entry> entries) : entries_(std::move(entries)) {
  ids_.reserve(entries_.size() * 2);
  for (size_t i = 0; i < entries_.size(); ++i) ids_.emplace(entries_[i].syllable, static_cast<WordId>(kFirstSyllable + i));
}

Lexicon Lexicon::load(const std::filesystem::path& path) {
  std::vector<Entry> entries;
  for (KeyCount& row : read_count_table(path, "lexicon", "syllable")) entries.push_back({std::move(row.key), row.count});
  return Lexicon(std::move(entries));
}

void Lexicon::save(const std::filesystem::path& path) const {
  std::vector<KeyCount> rows;
  for (const Entry& e : entries_) rows.push_back({e.syllable, e.count});
  write_count_table(path, rows, "lexicon");
}

WordId Lexicon::id(std::string_view syllable) const {
  auto it = ids_.find(std::string(syllable));
  return it == ids_.end() ? kUnk : it->second;
}

WordId Lexicon::classify(std::string_view token_text, vi::TokenKind kind) const {
  switch (kind) {
    case vi::TokenKind::kNumber:
      return kNumber;
    case vi::TokenKind::kCode:
    case vi::TokenKind::kMixed:
      return kCode;
    case vi::TokenKind::kWord:
      break;
  }
  const WordId w = id(vi::terms_for(token_text, kind).exact);
  return w == kUnk ? kForeign : w;
}

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

}  // namespace vn::restore
