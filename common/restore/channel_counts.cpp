#include "restore/channel_counts.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <stdexcept>

#include "restore/char_alignment.hpp"
#include "text/utf8.hpp"

namespace vn::restore {

void add_pair(ChannelCounts& counts, std::u32string_view syllable, std::u32string_view ocr, uint32_t times) {
  counts.by_ocr[std::u32string(ocr)][std::u32string(syllable)] += times;
  counts.syllables[std::u32string(syllable)] += times;
  for (const auto& [c, e] : char_emissions(syllable, ocr)) {
    if (e.size() > kMaxEmission) continue;
    counts.emissions[c][e] += times;
    counts.chars[c] += times;
  }
}

size_t token_pairs(const ChannelCounts& counts) {
  size_t n = 0;
  for (const auto& [o, m] : counts.by_ocr) n += m.size();
  return n;
}

std::string channel_tsv(const ChannelCounts& counts, uint32_t min_count, const std::vector<std::string>& comments) {
  std::map<std::string, uint32_t> lines;
  for (const auto& [o, m] : counts.by_ocr)
    for (const auto& [s, n] : m)
      if (n >= min_count) lines["T\t" + text::to_utf8(o) + "\t" + text::to_utf8(s)] = n;
  for (const auto& [s, n] : counts.syllables) lines["S\t" + text::to_utf8(s)] = n;
  for (const auto& [c, m] : counts.emissions)
    for (const auto& [e, n] : m) lines["E\t" + text::to_utf8(std::u32string(1, c)) + "\t" + text::to_utf8(e)] = n;
  std::string out;
  for (const std::string& c : comments) out.append("# ").append(c).append(1, '\n');
  if (counts.prior_share > 0) {
    char share[32];
    std::snprintf(share, sizeof share, "P\t%.17g\n", counts.prior_share);  // reads back exactly
    out.append(share);
  }
  for (const auto& [k, n] : lines) out.append(k).append(1, '\t').append(std::to_string(n)).append(1, '\n');
  return out;
}

ChannelCounts read_channel_counts(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open channel model " + path.string());
  ChannelCounts counts;
  std::string line;
  std::vector<std::string_view> f;  // the fields of a line, into `line`
  for (size_t ln = 1; std::getline(in, line); ++ln) {
    if (line.starts_with('#')) continue;
    f.clear();
    for (size_t start = 0;;) {
      const size_t tab = line.find('\t', start);
      f.push_back(std::string_view(line).substr(start, tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    auto bad = [&] { return std::runtime_error(path.string() + ":" + std::to_string(ln) + ": malformed line"); };
    if (f.size() == 2 && f[0] == "P") {
      char* end = nullptr;
      const std::string v(f[1]);
      counts.prior_share = std::strtod(v.c_str(), &end);
      if (v.empty() || *end != '\0' || !(counts.prior_share >= 0 && counts.prior_share <= kMaxPriorShare)) throw bad();
      continue;
    }
    if (f.size() < 3 || f[0].size() != 1 || f.back().empty() || f.back().size() > 10 ||
        f.back().find_first_not_of("0123456789") != std::string_view::npos)
      throw bad();
    const uint64_t count = std::stoull(std::string(f.back()));
    if (count > UINT32_MAX) throw bad();
    const auto n = static_cast<uint32_t>(count);
    if (f[0] == "T" && f.size() == 4) {
      counts.by_ocr[text::to_u32(f[1])][text::to_u32(f[2])] = n;
    } else if (f[0] == "S" && f.size() == 3) {
      counts.syllables[text::to_u32(f[1])] = n;
    } else if (f[0] == "E" && f.size() == 4) {
      const std::u32string c = text::to_u32(f[1]);
      if (c.size() != 1) throw bad();
      counts.emissions[c[0]][text::to_u32(f[2])] = n;
      counts.chars[c[0]] += n;
    } else {
      throw bad();
    }
  }
  return counts;
}

}  // namespace vn::restore
