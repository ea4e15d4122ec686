#include "restore/channel_interpolation.hpp"

#include <cmath>
#include <string>
#include <unordered_map>

namespace vn::restore {
namespace {

template <class Key>
using Row = std::unordered_map<Key, uint32_t>;

// The row `w * base / n + archive` normalised by `w + m` and scaled to
// `total`; rounded counts of 0 are left out. Base keys are taken when n > 0.
template <class Key>
Row<Key> blend(const Row<Key>* base, uint64_t n, const Row<Key>& archive, uint64_t m, double w, uint64_t total) {
  const double base_share = n > 0 ? w : 0;
  const double norm = base_share + static_cast<double>(m);
  std::unordered_map<Key, double> p;
  if (base != nullptr && n > 0)
    for (const auto& [k, c] : *base) p[k] += base_share * c / static_cast<double>(n);
  for (const auto& [k, c] : archive) p[k] += static_cast<double>(c);
  Row<Key> out;
  for (const auto& [k, v] : p)
    if (const auto c = std::llround(static_cast<double>(total) * v / norm); c > 0) out[k] = static_cast<uint32_t>(c);
  return out;
}

void blend_emissions(const ChannelCounts& base, const ChannelCounts& archive, double w, ChannelCounts& out) {
  out.emissions = base.emissions;
  out.chars = base.chars;
  for (const auto& [c, row] : archive.emissions) {
    const auto b = base.emissions.find(c);
    const uint64_t n = b == base.emissions.end() ? 0 : base.chars.at(c);
    const uint64_t m = archive.chars.at(c);
    auto blended = blend<std::u32string>(b == base.emissions.end() ? nullptr : &b->second, n, row, m, w, n + m);
    uint32_t sum = 0;
    for (const auto& [e, k] : blended) sum += k;
    out.emissions[c] = std::move(blended);
    out.chars[c] = sum;
  }
}

// syllable -> ocr -> n, from ocr -> syllable -> n.
std::unordered_map<std::u32string, Row<std::u32string>> by_syllable(const ChannelCounts& counts) {
  std::unordered_map<std::u32string, Row<std::u32string>> out;
  for (const auto& [ocr, row] : counts.by_ocr)
    for (const auto& [s, n] : row) out[s][ocr] = n;
  return out;
}

void blend_tokens(const ChannelCounts& base, const ChannelCounts& archive, const ChannelPrior& prior,
                  ChannelCounts& out) {
  out.by_ocr = base.by_ocr;
  out.syllables = base.syllables;
  const auto base_rows = by_syllable(base);
  auto archive_rows = by_syllable(archive);
  for (auto& [s, row] : archive_rows) {
    const auto b = base_rows.find(s);
    const auto bs = base.syllables.find(s);
    const uint64_t n = bs == base.syllables.end() ? 0 : bs->second;
    const uint64_t m = archive.syllables.at(s);
    // New pairs seen too rarely are not memorised (their share stays with
    // the character model).
    for (auto it = row.begin(); it != row.end();) {
      const bool known = b != base_rows.end() && b->second.contains(it->first);
      it = !known && it->second < prior.min_new_pair ? row.erase(it) : std::next(it);
    }
    if (b != base_rows.end())
      for (const auto& [ocr, k] : b->second) out.by_ocr[ocr].erase(s);
    for (const auto& [ocr, k] :
         blend<std::u32string>(b == base_rows.end() ? nullptr : &b->second, n, row, m, prior.token_weight, n + m))
      out.by_ocr[ocr][s] = k;
    out.syllables[s] = static_cast<uint32_t>(n + m);
  }
  std::erase_if(out.by_ocr, [](const auto& kv) { return kv.second.empty(); });
}

}  // namespace

ChannelCounts interpolate_channel(const ChannelCounts& base, const ChannelCounts& archive, const ChannelPrior& prior) {
  ChannelCounts out;
  blend_emissions(base, archive, prior.char_weight, out);
  blend_tokens(base, archive, prior, out);
  return out;
}

}  // namespace vn::restore
