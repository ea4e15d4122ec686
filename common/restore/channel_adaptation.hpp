// Unsupervised adaptation of the OCR channel to one archive (self-training,
// hard EM): read the archive's texts with the current channel, count the
// (syllable, OCR token) pairs of the confident readings, blend those counts
// into the shipped channel (restore/channel_interpolation.hpp), and read
// again with the blend, while a held-out part of the texts says the model
// still explains their OCR better. Never sees clean text.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "restore/channel_counts.hpp"
#include "restore/channel_interpolation.hpp"
#include "restore/restorer.hpp"

namespace vn::restore {

struct AdaptationOptions {
  ChannelPrior prior;
  // ChannelCounts::prior_share of the channels read with, from the first
  // round on (the shipped channel has 0): tuned on our own scan-style
  // held-out pages.
  double prior_share = 0.1;
  float min_confidence = 0.5f;  // readings less sure than this are not counted (tuned likewise)
  int max_rounds = 4;
  // A round is kept when it raises the held-out pairs' mean log10
  // P(ocr | syllable) by at least this much.
  double min_gain = 0.002;
  // Texts are cut into pieces of a few KB; piece i is held out (judged,
  // not counted) when i % held_out_every == held_out_every - 1, or, of
  // fewer pieces, when it is the last one. REQUIRES: >= 2.
  size_t held_out_every = 10;
  // Polled between rounds and while reading; true: stop and return what
  // the rounds before made.
  std::function<bool()> stop;
};

struct AdaptationRound {
  size_t pairs = 0;           // counted from the training texts
  size_t held_out_pairs = 0;  // judged on the held-out texts
  double gain = 0;            // mean log10 P(ocr | syllable) of the held-out pairs, new channel minus old
  double changed = 0;         // share of tokens read differently from the round before (0 in round 1)
  double seconds = 0;
  bool kept = false;          // the round's channel was taken
};

struct AdaptationResult {
  ChannelCounts counts;  // the adapted channel; the base's when no round was kept
  std::vector<AdaptationRound> rounds;
  size_t texts = 0, bytes = 0;
  bool adapted() const;  // some round was kept
};

// Adapts `base`'s channel to `texts` (decoded NFC text, one document
// each). Deterministic: the same texts, base and options give the same
// counts, whatever the number of threads. Text of less than two pieces
// (a few KB) gives nothing to hold out, so no round is run.
AdaptationResult adapt_channel(const Restorer& base, const std::vector<std::string>& texts,
                               const AdaptationOptions& options = {});

}  // namespace vn::restore
