// Building the lexicon (restore/lexicon.hpp) from corpus text, and writing
// lexicon.tsv.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

#include "restore/lexicon.hpp"

namespace vn::restore {

// Counts syllables for a lexicon. Feed it corpus text, then build().
class LexiconBuilder {
 public:
  void add_text(std::string_view nfc_text);
  // Keeps syllables that parse and occur at least `min_count` times.
  Lexicon build(uint64_t min_count) const;

 private:
  std::unordered_map<std::string, uint64_t> counts_;
};

// Writes lexicon.tsv ("syllable<TAB>count" lines, in id order; atomically,
// see restore/train/count_table_writer.hpp), which Lexicon::load reads.
// Throws std::system_error naming the file when it cannot be written.
void save_lexicon(const Lexicon& lexicon, const std::filesystem::path& path);

}  // namespace vn::restore
