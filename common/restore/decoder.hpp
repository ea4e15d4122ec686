// Viterbi decoding of a sentence's candidate lattice under the language
// model and the OCR channel.
#pragma once
#include <string>
#include <vector>

#include "restore/language_model.hpp"
#include "restore/vocabulary.hpp"

namespace vn::restore {

// One way to read one token.
struct Option {
  WordId word;                 // what the language model sees
  const std::u32string* text;  // lower-case restored form; nullptr: keep the original
  float channel;               // log10 P(ocr | this reading)
  // A token the OCR glued together ("06thang"): the first `number_prefix`
  // bytes (or last `number_suffix` bytes) of the token are a number read as
  // its own word before (after) `word`.
  uint8_t number_prefix = 0;
  uint8_t number_suffix = 0;
  // Tokens this reading covers: 2 for a syllable the OCR split in two
  // ("Ngh i"), read from this token and the next.
  uint8_t span = 1;
};

float score_compound_option(const LanguageModel& lm, const LanguageModel::State& in, const Option& option,
                            LanguageModel::State& out);

// log10 P of the option's words after `in`; the state after them in `out`.
inline float score_option(const LanguageModel& lm, const LanguageModel::State& in, const Option& option,
                          LanguageModel::State& out) {
  if ((option.number_prefix | option.number_suffix) == 0) return lm.score(in, option.word, out);
  return score_compound_option(lm, in, option, out);
}

// Per position, its options (owned elsewhere), sorted by descending
// channel score.
using Lattice = std::vector<const std::vector<Option>*>;

struct DecoderOptions {
  size_t beam = 12;             // hypotheses kept per position
  // log10 units below the best hypothesis still explored. Our held-out
  // print, scan and stripped pages score alike from 1.0 to 2 (SER 0.0198,
  // 0.0637, 0.0221 at 1.0), with 19 % fewer LM lookups at 1.0 than at 1.5;
  // 0.85 costs scan pages 0.0002, 0.7 0.0008.
  float beam_width = 1.0f;
  float channel_weight = 1.15f; // weight of the channel against the LM (tuned on our held-out pages)
};

inline constexpr size_t kCovered = static_cast<size_t>(-1);

struct Decision {
  size_t option;      // index into the position's options; kCovered: read with the token before
  float confidence;   // in (0, 1]: the chosen option's share, locally (see decode)
  // The two options with the next largest shares, computed with the
  // confidences (kCovered when there is none), and those shares.
  size_t runner_up[2] = {kCovered, kCovered};
  float runner_up_share[2] = {0, 0};
};

// Picks one option per position maximising
//   sum LM log10 P(word | two previous) + channel_weight * channel.
// Confidences are exact below `exact_below`, with their runner-ups; one
// that is surely at or above it may be given as any value from
// exact_below to 1 (a lower bound), without runner-ups, which spares LM
// lookups (the indexer asks for 0.99, channel adaptation for 0.5). 0: no
// confidences (every one 1); above 1: every one exact.
// REQUIRES: every position has at least one option; options sorted by
// descending channel score.
std::vector<Decision> decode(const LanguageModel& lm, const Lattice& lattice, const DecoderOptions& options,
                             float exact_below = 2.0f);

}  // namespace vn::restore
