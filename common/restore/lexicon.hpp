// The lexicon: every Vietnamese syllable attested in the training corpus
// that fits the phonotactic template (vi/syllable.hpp), with its count.
// Syllables are lower-case NFC with canonical tone placement; a syllable's
// WordId is kFirstSyllable + its rank by descending count.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "restore/vocabulary.hpp"
#include "vi/tokenizer.hpp"

namespace vn::restore {

class Lexicon {
 public:
  struct Entry {
    std::string syllable;
    uint64_t count = 0;
  };

  Lexicon() = default;
  // REQUIRES: entries sorted by descending count (ties by syllable).
  explicit Lexicon(std::vector<Entry> entries);

  // Reads "syllable<TAB>count" lines (restore/train/lexicon_builder.hpp
  // writes them). Throws std::runtime_error naming the file and line on
  // malformed input.
  static Lexicon load(const std::filesystem::path& path);

  // WordId of a lexicon syllable (lower-case canonical), or kUnk.
  WordId id(std::string_view syllable) const;
  const Entry& entry(WordId id) const { return entries_[id - kFirstSyllable]; }
  size_t size() const { return entries_.size(); }
  WordId vocab_size() const { return static_cast<WordId>(kFirstSyllable + entries_.size()); }
  const std::vector<Entry>& entries() const { return entries_; }

  // The LM unit for a token: its syllable id, or the class of the token.
  WordId classify(std::string_view token_text, vi::TokenKind kind) const;

 private:
  std::vector<Entry> entries_;
  std::unordered_map<std::string, WordId> ids_;
};

}  // namespace vn::restore
