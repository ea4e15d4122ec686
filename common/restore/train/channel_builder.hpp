// Estimating the OCR channel (restore/channel_model.hpp) from aligned
// (syllable, OCR token) pairs, and writing channel.tsv.
#pragma once
#include <filesystem>
#include <string_view>

#include "restore/channel_model.hpp"

namespace vn::restore {

class ChannelModelBuilder {
 public:
  // Counts one aligned pair (both lower-case NFC; `syllable` canonical):
  // the whole token, and what each of the syllable's characters became.
  void add_pair(std::u32string_view syllable, std::u32string_view ocr);

  // Distinct (OCR token, syllable) pairs counted.
  size_t token_pairs() const;

  // The model of the pairs counted so far.
  ChannelModel build() const { return ChannelModel(counts_); }

  // Writes channel.tsv ("T ocr syllable count", "E char emission count" and
  // "S syllable count" lines, sorted, so the same counts give the same
  // bytes); pairs seen fewer than `min_count` times are left out. Writes
  // atomically (io/atomic_file.hpp). Throws std::system_error naming the
  // file when it cannot be written.
  void save(const std::filesystem::path& path, uint32_t min_count = 1) const;

 private:
  ChannelCounts counts_;
};

}  // namespace vn::restore
