#include "restore/lexicon.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include "store/terms.hpp"
#include "vi/syllable.hpp"

namespace vn::restore {

Lexicon::Lexicon(std::vector<Entry> entries) : entries_(std::move(entries)) {
  ids_.reserve(entries_.size() * 2);
  for (size_t i = 0; i < entries_.size(); ++i) ids_.emplace(entries_[i].syllable, static_cast<WordId>(kFirstSyllable + i));
}

Lexicon Lexicon::load(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open lexicon " + path.string());
  std::vector<Entry> entries;
  std::string line;
  for (size_t n = 1; std::getline(in, line); ++n) {
    const size_t tab = line.find('\t');
    if (tab == 0 || tab == std::string::npos || tab + 1 == line.size() ||
        line.find_first_not_of("0123456789", tab + 1) != std::string::npos)
      throw std::runtime_error(path.string() + ":" + std::to_string(n) + ": expected syllable<TAB>count");
    entries.push_back({line.substr(0, tab), std::stoull(line.substr(tab + 1))});
  }
  return Lexicon(std::move(entries));
}

void Lexicon::save(const std::filesystem::path& path) const {
  std::ofstream out(path);
  for (const Entry& e : entries_) out << e.syllable << '\t' << e.count << '\n';
  if (!out) throw std::runtime_error("cannot write lexicon " + path.string());
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
  const WordId w = id(store::terms_for(token_text, kind).exact);
  return w == kUnk ? kForeign : w;
}

void LexiconBuilder::add_text(std::string_view text) {
  std::vector<vi::Token> tokens;
  vi::tokenize(text, tokens);
  for (const vi::Token& t : tokens)
    if (t.kind == vi::TokenKind::kWord && t.length <= 24) ++counts_[store::terms_for(t.text(text), t.kind).exact];
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
