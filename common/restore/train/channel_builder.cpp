#include "restore/train/channel_builder.hpp"

#include <map>
#include <string>

#include "io/atomic_file.hpp"
#include "restore/train/alignment.hpp"
#include "text/utf8.hpp"

namespace vn::restore {

void ChannelModelBuilder::add_pair(std::u32string_view syllable, std::u32string_view ocr) {
  ++counts_.by_ocr[std::u32string(ocr)][std::u32string(syllable)];
  ++counts_.syllables[std::u32string(syllable)];
  for (const auto& [c, e] : char_emissions(syllable, ocr)) {
    if (e.size() > kMaxEmission) continue;
    ++counts_.emissions[c][e];
    ++counts_.chars[c];
  }
}

size_t ChannelModelBuilder::token_pairs() const {
  size_t n = 0;
  for (const auto& [o, m] : counts_.by_ocr) n += m.size();
  return n;
}

void ChannelModelBuilder::save(const std::filesystem::path& path, uint32_t min_count) const {
  std::map<std::string, uint32_t> lines;
  for (const auto& [o, m] : counts_.by_ocr)
    for (const auto& [s, n] : m)
      if (n >= min_count) lines["T\t" + text::to_utf8(o) + "\t" + text::to_utf8(s)] = n;
  for (const auto& [s, n] : counts_.syllables) lines["S\t" + text::to_utf8(s)] = n;
  for (const auto& [c, m] : counts_.emissions)
    for (const auto& [e, n] : m) lines["E\t" + text::to_utf8(std::u32string(1, c)) + "\t" + text::to_utf8(e)] = n;
  std::string text;
  for (const auto& [k, n] : lines) text.append(k).append(1, '\t').append(std::to_string(n)).append(1, '\n');
  io::write_file_atomically(path, text);
}

}  // namespace vn::restore
