// What the OCR channel (restore/channel_model.hpp) is estimated from:
// counts of aligned (syllable, OCR token) pairs, and their file,
// channel.tsv.
//
// channel.tsv is UTF-8 text, one record per line, tab-separated, all text
// lower-case NFC:
//   T <ocr token> <syllable> <n>   the syllable was read as the token n times
//   S <syllable> <n>               the syllable was counted n times in all
//   E <clean char> <emission> <n>  the character became the emission n times
//                                  ("" when dropped, up to kMaxEmission code points)
//   P <share>                      ChannelCounts::prior_share; absent: 0
// Lines starting with '#' are comments (an adapted channel says there
// where it comes from).
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vn::restore {

struct ChannelCounts {
  std::unordered_map<std::u32string, std::unordered_map<std::u32string, uint32_t>> by_ocr;  // ocr -> syllable -> n
  std::unordered_map<std::u32string, uint32_t> syllables;                                 // syllable -> n
  std::unordered_map<char32_t, std::unordered_map<std::u32string, uint32_t>> emissions;    // char -> emission -> n
  std::unordered_map<char32_t, uint32_t> chars;                                           // char -> emissions counted
  // The weight of the prior in a character's emission estimate, as a
  // fraction of the character's count (ChannelModel; at least 2 in all):
  // 0 for the shipped channel, more for an adapted one (0.1: the prior
  // gets 9 % of the estimate), so that damage the training pages never
  // showed can still be read, and learned. At most kMaxPriorShare.
  double prior_share = 0;
};

inline constexpr double kMaxPriorShare = 100;

// Clean characters whose emissions longer than this are not counted.
inline constexpr size_t kMaxEmission = 3;

// Counts the pair `times` times: the whole token (T and S) and what each
// of the syllable's characters became (E, by char_emissions).
// REQUIRES: both lower-case NFC; `syllable` in canonical spelling.
void add_pair(ChannelCounts& counts, std::u32string_view syllable, std::u32string_view ocr, uint32_t times = 1);

// Distinct (OCR token, syllable) pairs in the T table.
size_t token_pairs(const ChannelCounts& counts);

// The channel.tsv text of `counts`: the `comments` first (each line
// prefixed "# "), then the records sorted, so that equal counts give equal
// bytes. T records counted fewer than `min_count` times are left out.
std::string channel_tsv(const ChannelCounts& counts, uint32_t min_count = 1,
                        const std::vector<std::string>& comments = {});

// Reads a channel.tsv file. Throws std::runtime_error naming the file (and
// the line) when it cannot be read or a line is malformed.
ChannelCounts read_channel_counts(const std::filesystem::path& path);

}  // namespace vn::restore
