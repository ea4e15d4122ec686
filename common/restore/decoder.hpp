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
};

// Per position, its options (owned elsewhere), sorted by descending
// channel score.
using Lattice = std::vector<const std::vector<Option>*>;

struct DecoderOptions {
  size_t beam = 12;             // hypotheses kept per position
  float beam_width = 2.5f;      // log10 units below the best hypothesis that are still explored
  float channel_weight = 1.15f; // weight of the channel against the LM (tuned on our held-out pages)
};

struct Decision {
  size_t option;      // index into the position's options
  float confidence;   // in (0, 1]: the chosen option's share, locally
};

// Picks one option per position maximising
//   sum LM log10 P(word | two previous) + channel_weight * channel.
// REQUIRES: every position has at least one option; options sorted by
// descending channel score.
std::vector<Decision> decode(const LanguageModel& lm, const Lattice& lattice, const DecoderOptions& options);

}  // namespace vn::restore
