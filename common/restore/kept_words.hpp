// Words of Vietnamese text that are no Vietnamese syllable: units, lower-case
// abbreviations, foreign names and words ("km", "kg", "covid", "internet",
// "paris"), read from models/kept_words.tsv, which the trainer derives from
// the corpus (restore/train/lexicon_builder.hpp). The restorer keeps a token
// that is one as readily as an all-capitals abbreviation, so that "2,7 km"
// is not read as "2,7 kim" where the OCR often loses vowels.
#pragma once
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace vn::restore {

class KeptWords {
 public:
  KeptWords() = default;
  // Reads the "word<TAB>count" lines of `path`. Throws std::runtime_error
  // naming the file (and line) when it cannot be read or parsed.
  static KeptWords load(const std::filesystem::path& path);

  // `lower`: the token in lower case (text::to_lower), NFC.
  bool contains(std::string_view lower) const { return words_.contains(lower); }
  size_t size() const { return words_.size(); }

 private:
  // Looks up string_views without making a string of each.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> words_;
};

}  // namespace vn::restore
