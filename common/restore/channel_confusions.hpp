// What an adapted channel learned, for people: the character confusions
// and whole-token readings that became more likely than the shipped
// channel had them (`vnindex adapt --explain`).
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "restore/channel_counts.hpp"

namespace vn::restore {

struct Confusion {
  std::u32string clean;    // a clean character, or a syllable
  std::u32string emitted;  // what the OCR made of it
  double adapted = 0;      // P(emitted | clean) in the adapted channel
  double base = 0;         // the same in the base channel
};

// The `top` character emissions other than the character itself whose
// probability grew most from `base` to `adapted`, most first (ties by
// text).
std::vector<Confusion> learned_confusions(const ChannelCounts& base, const ChannelCounts& adapted, size_t top = 20);

// The same for whole OCR tokens read as a syllable they do not spell
// (P(token | syllable) from the token table).
std::vector<Confusion> learned_token_readings(const ChannelCounts& base, const ChannelCounts& adapted,
                                              size_t top = 20);

}  // namespace vn::restore
