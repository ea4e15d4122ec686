// Syllable trigram language model for restoring OCR'd Vietnamese: queries
// against the memory-mapped lm.bin (restore/lm_format.hpp) that
// LanguageModelBuilder writes (restore/train/lm_builder.hpp). Words are
// integer ids: kBos, kEos and kUnk (restore/vocabulary.hpp), then the
// caller's vocabulary, all < vocab_size. Probabilities are interpolated
// modified Kneser-Ney, stored ARPA-style (log10 probability per n-gram,
// log10 backoff per context).
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "restore/vocabulary.hpp"

namespace vn::restore {

struct LmUnigram;
struct LmRankBlock;

// A read-only trigram model. Thread-safe: every member is const and the
// file is mapped read-only, so any number of threads may query one model.
class LanguageModel {
 public:
  // What the model needs to know about the words before the next one. Get
  // states only from begin_sentence() and score() of the same model.
  // States are minimal (as KenLM's): a history the model cannot use is
  // dropped, so two hypotheses with equal states score every continuation
  // alike and may be recombined. Unused fields are zero, so == and a
  // bytewise hash are exact.
  struct State {
    WordId history[2] = {kBos, kBos};  // [0] the last word, [1] the one before
    uint32_t context = 0;              // when length == 2: the trigram block of history
    uint8_t length = 1;                // words of history in use: 0, 1 or 2
    bool operator==(const State&) const = default;
  };

  ~LanguageModel();
  LanguageModel(const LanguageModel&) = delete;
  LanguageModel& operator=(const LanguageModel&) = delete;

  // Memory-maps the file (prefaulted) and checks its header, section sizes
  // and checksum; parses nothing (about 2 ms for 30 MB in the page cache).
  // Throws std::runtime_error naming the file when it cannot be read or is
  // not a complete, intact model of this version.
  static std::unique_ptr<LanguageModel> open(const std::filesystem::path& path);

  // The state at the start of a sentence (history <s>).
  State begin_sentence() const;
  // log10 P(word | in), backing off as needed; writes the state after
  // `word` to `out` (which may alias `in`). Ids >= vocab_size() are kUnk.
  // Every id has a finite score, including ids never seen in training.
  float score(const State& in, WordId word, State& out) const;
  // log10 P(</s> | in).
  float end_sentence(const State& in) const;

  // Overlapping the loads of many lookups. score() follows a chain of
  // dependent loads that mostly miss the caches: where the state's blocks
  // are, their headers, a bucket. A caller about to score words after
  // several states may first pass every state through prefetch_context(),
  // then every state through prefetch_blocks(), so that the loads of
  // different states are in flight together and score() finds the blocks'
  // headers cached. Hints only: they never change a result.
  void prefetch_context(const State& in) const;
  void prefetch_blocks(const State& in) const;

  // An upper bound of score(in, word, ...) over every state `in`.
  float upper_bound(WordId word) const { return upper_[word < vocab_size_ ? word : kUnk]; }

  uint32_t vocab_size() const { return vocab_size_; }
  size_t file_bytes() const { return bytes_; }

 private:
  LanguageModel() = default;
  template <class Id>
  void compute_upper_bounds(uint32_t contexts);
  template <class Id>
  float score_as(const State& in, WordId word, State& out) const;

  const unsigned char* base_ = nullptr;
  size_t bytes_ = 0;
  uint32_t vocab_size_ = 0;
  bool wide_ids_ = false;  // ids stored as uint32 (else uint16)
  const LmUnigram* unigrams_ = nullptr;
  const void* bigram_ids_ = nullptr;
  const uint8_t* bigram_probs_ = nullptr;
  const LmRankBlock* bigram_ranks_ = nullptr;
  const uint32_t* context_begins_ = nullptr;
  const void* trigram_ids_ = nullptr;
  const uint8_t* trigram_probs_ = nullptr;
  const float* bigram_codes_ = nullptr;
  const float* trigram_codes_ = nullptr;
  const float* backoff_codes_ = nullptr;
  std::vector<float> upper_;  // upper_bound() by id
};

}  // namespace vn::restore
