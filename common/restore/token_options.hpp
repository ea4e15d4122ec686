// The readings of a sentence's tokens, which the decoder's lattice points at
// (restore/decoder.hpp). A word token is read as its candidate syllables
// (restore/candidates.hpp) within option_gap of the best, by channel score
// or by unigram posterior, plus itself: as its own syllable, or kept as it
// is (foreign words, abbreviations, Roman numerals). A short number may be
// a syllable the OCR read as digits; a token glued from a number and a
// word ("06thang") is also read as both; two tokens that may be one
// syllable the OCR split ("Ngh i") are also read as one. Other numbers
// and codes have one reading, kNumber or kCode.
#pragma once
#include <tbb/concurrent_unordered_map.h>
#include <tbb/enumerable_thread_specific.h>

#include <atomic>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "restore/candidates.hpp"
#include "restore/decoder.hpp"
#include "restore/kept_words.hpp"
#include "vi/tokenizer.hpp"

namespace vn::restore {

// The readings of one token: never empty, best channel score first.
struct TokenOptions {
  std::vector<Option> options;
  bool syllable = false;  // the token is a lexicon syllable (up to case and tone placement)
};

// Builds the readings of tokens and caches them by what they depend on
// (the lower-case token, its kind, whether it is shaped like an
// abbreviation or a foreign name), shared by all threads: OCR'd archives
// repeat their tokens, so most lookups hit. The cache never erases an entry and holds about
// kMaxCachedBytes at most; once it is full, new readings go to scratch
// space of the calling thread. The tokens that fill it are the frequent
// ones, met first; the long tail of damaged tokens and split pairs that
// every archive has would otherwise grow it with the archive.
//
// Thread-safe: any number of threads may build readings at once, each for
// the sentence it decodes. A returned reference into the cache lives as
// long as the builder; one into scratch space until the calling thread's
// next start_sentence(). So use what a call returns only on its thread and
// for the current sentence. The options' texts point into `spelling`.
// The models and `spelling` must outlive the builder.
class OptionBuilder {
 public:
  // Channel log10 P of the readings that are not candidates, and the gap
  // behind the best candidate that still counts: see RestorerOptions
  // (restore/restorer.hpp).
  struct Scores {
    float option_gap;
    float keep_log_prob;
    float keep_foreign_name_log_prob;
    float keep_abbreviation_log_prob;
    float keep_number_log_prob;
    float keep_letter_log_prob;
  };

  static constexpr size_t kMaxCachedBytes = size_t{32} << 20;

  // `spelling`: each lexicon syllable's code points, by WordId - kFirstSyllable.
  OptionBuilder(const Lexicon& lexicon, const KeptWords& kept, const ChannelModel& channel,
                const CandidateGenerator& generator, const std::vector<std::u32string>& spelling, Scores scores);

  // Call before each sentence on the thread that decodes it: frees the
  // thread's scratch space.
  void start_sentence() const { scratch_.local().clear(); }

  // The readings of a token of `kind`.
  const TokenOptions& options_for(std::string_view token, vi::TokenKind kind) const;

  // The one reading of a token read as written, whatever it looks like (a
  // list marker, restore/list_marker.hpp): what the lexicon classifies it
  // as, at no channel cost.
  const TokenOptions& as_written(std::string_view token, vi::TokenKind kind) const;

  // The readings of tokens[i], plus readings of it and the next token as
  // one syllable the OCR split ("Ngh i", "thu c"; Option::span 2): when
  // both are words separated by one space, one of them has at most two
  // letters and one of them is no lexicon syllable; or when an apostrophe
  // separates them and the second is in small letters ("nu’éc", "tru'c":
  // a horn or a mark OCR set apart, read with the horn too). `own` and `next` are
  // the options_for() of tokens i and i + 1 (next: nullptr at the end of
  // the sentence).
  const std::vector<Option>* options_with_rejoin(std::string_view input, const std::vector<vi::Token>& tokens,
                                                 size_t i, const TokenOptions& own, const TokenOptions* next) const;

 private:
  TokenOptions build_options(std::string_view original, const std::string& lower_utf8, vi::TokenKind kind) const;
  void add_unglued(std::string_view original, std::vector<Option>& opts) const;
  void add_symbol_readings(std::u32string_view lower, std::vector<Option>& opts) const;
  float keep_log_prob(std::string_view original, const std::string& lower) const;
  char case_mark(std::string_view token, const std::string& lower) const;
  bool foreign_name(std::string_view token, const std::string& lower) const;
  // `opts` kept under `key` while the cache has room, else in scratch space.
  const TokenOptions& remember(std::string key, TokenOptions opts) const;

  const Lexicon& lexicon_;
  const KeptWords& kept_;
  const ChannelModel& channel_;
  const CandidateGenerator& generator_;
  const std::vector<std::u32string>& spelling_;
  Scores scores_;

  mutable tbb::concurrent_unordered_map<std::string, TokenOptions> cache_;
  mutable std::atomic<size_t> cached_bytes_{0};  // estimated, see remember()
  mutable tbb::enumerable_thread_specific<std::deque<TokenOptions>> scratch_;
};

}  // namespace vn::restore
