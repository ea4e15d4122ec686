// Building the lexicon (restore/lexicon.hpp) from corpus text, and writing
// lexicon.tsv.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "restore/count_table.hpp"
#include "restore/lexicon.hpp"

namespace vn::restore {

// Counts syllables for a lexicon. Feed it corpus text, then build().
class LexiconBuilder {
 public:
  void add_text(std::string_view nfc_text);
  // Keeps syllables that parse and occur at least `min_count` times.
  Lexicon build(uint64_t min_count) const;
  // The words that are no syllable and occur at least `min_count` times
  // (restore/kept_words.hpp), most frequent first: those of four letters or
  // more, and shorter ones written in lower case after a number at least
  // half the time (units: "km", "kg"; "ha" is a syllable). Other short ones ("tt", "cdc",
  // "tr") are also what the OCR leaves of syllables, too often to keep.
  std::vector<KeyCount> kept_words(uint64_t min_count) const;

 private:
  bool is_kept_word(const std::string& word, uint64_t count) const;

  std::unordered_map<std::string, uint64_t> counts_;
  std::unordered_map<std::string, uint64_t> after_number_;  // of counts_: in lower case, right after a number
};

// Writes kept_words.tsv ("word<TAB>count" lines, as `words` lists them),
// which KeptWords::load reads. Throws std::system_error naming the file.
void save_kept_words(const std::vector<KeyCount>& words, const std::filesystem::path& path);

// Writes lexicon.tsv ("syllable<TAB>count" lines, in id order; atomically,
// see restore/train/count_table_writer.hpp), which Lexicon::load reads.
// Throws std::system_error naming the file when it cannot be written.
void save_lexicon(const Lexicon& lexicon, const std::filesystem::path& path);

}  // namespace vn::restore
