#include "restore/train/channel_builder.hpp"

#include <fstream>
#include <map>
#include <stdexcept>

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
  std::ofstream out(path);
  for (const auto& [k, n] : lines) out << k << '\t' << n << '\n';
  if (!out) throw std::runtime_error("cannot write channel model " + path.string());
}

}  // namespace vn::restore
