#include "restore/lexicon.hpp"

#include "restore/count_table.hpp"
#include "vi/terms.hpp"

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

}  // namespace vn::restore
