#include "restore/channel_confusions.hpp"

#include <algorithm>

namespace vn::restore {
namespace {

double share(uint64_t part, uint64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

template <class Map, class Key>
uint64_t count_of(const Map& m, const Key& k) {
  const auto it = m.find(k);
  return it == m.end() ? 0 : it->second;
}

std::vector<Confusion> most_grown(std::vector<Confusion> all, size_t top) {
  std::sort(all.begin(), all.end(), [](const Confusion& a, const Confusion& b) {
    const double ga = a.adapted - a.base, gb = b.adapted - b.base;
    if (ga != gb) return ga > gb;
    return a.clean != b.clean ? a.clean < b.clean : a.emitted < b.emitted;
  });
  std::erase_if(all, [](const Confusion& c) { return c.adapted <= c.base; });
  if (all.size() > top) all.resize(top);
  return all;
}

}  // namespace

std::vector<Confusion> learned_confusions(const ChannelCounts& base, const ChannelCounts& adapted, size_t top) {
  std::vector<Confusion> all;
  for (const auto& [c, row] : adapted.emissions) {
    const uint64_t n = count_of(adapted.chars, c), nb = count_of(base.chars, c);
    const auto b = base.emissions.find(c);
    for (const auto& [e, k] : row) {
      if (e.size() == 1 && e[0] == c) continue;
      const uint64_t kb = b == base.emissions.end() ? 0 : count_of(b->second, e);
      all.push_back({std::u32string(1, c), e, share(k, n), share(kb, nb)});
    }
  }
  return most_grown(std::move(all), top);
}

std::vector<Confusion> learned_token_readings(const ChannelCounts& base, const ChannelCounts& adapted, size_t top) {
  std::vector<Confusion> all;
  for (const auto& [ocr, row] : adapted.by_ocr) {
    const auto b = base.by_ocr.find(ocr);
    for (const auto& [s, k] : row) {
      if (s == ocr) continue;
      const uint64_t kb = b == base.by_ocr.end() ? 0 : count_of(b->second, s);
      all.push_back({s, ocr, share(k, count_of(adapted.syllables, s)), share(kb, count_of(base.syllables, s))});
    }
  }
  return most_grown(std::move(all), top);
}

}  // namespace vn::restore
