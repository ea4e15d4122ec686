// Merging an archive's own channel counts into the shipped ones, so that
// a large archive's damage takes over and a small one barely moves the
// model (a MAP estimate under a Dirichlet prior centred on the shipped
// channel).
#pragma once
#include <cstdint>

#include "restore/channel_counts.hpp"

namespace vn::restore {

struct ChannelPrior {
  // How many of the archive's emissions of a character (or tokens of a
  // syllable) weigh as much as the shipped model's distribution for it.
  double char_weight = 500;
  double token_weight = 20;
  // An (OCR token, syllable) pair the shipped table lacks is added only
  // when the archive has it this often: every pair in the table makes the
  // syllable a candidate for the token, so one-off readings must not be
  // memorised.
  uint32_t min_new_pair = 2;
};

// For each clean character c with base total N and archive total M:
//   P(e | c) = (w * base(c, e) / N + archive(c, e)) / (w + M)
// stored as counts round((N + M) * P); likewise P(ocr | syllable) for the
// token table, whose syllable totals become base + archive (the archive's
// new pairs below min_new_pair are dropped, their share left to the
// character model). What the archive lacks stays as the base has it.
// Deterministic. The result's prior_share is 0: the caller sets it.
ChannelCounts interpolate_channel(const ChannelCounts& base, const ChannelCounts& archive, const ChannelPrior& prior);

}  // namespace vn::restore
