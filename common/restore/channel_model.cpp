#include "restore/channel_model.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <stdexcept>

#include "text/utf8.hpp"
#include "vi/letters.hpp"

namespace vn::restore {
namespace {

constexpr float kNone = -1e9f;      // log10 of an impossible alignment
constexpr double kTokenTablePseudo = 3.0;  // trust in the token table grows with its counts
constexpr double kPassThrough = 0.9;       // P(intact | the token already has diacritics)

bool is_ascii(std::u32string_view s) {
  return std::all_of(s.begin(), s.end(), [](char32_t c) { return c < 0x80; });
}

// Prior for emissions never counted: keeping the character is likely,
// losing its diacritics plausible, anything else rare.
enum BaseClass { kSame, kSameLetter, kDropped, kOther1, kOther2, kOther3, kBaseClasses };
constexpr double kBaseProb[kBaseClasses] = {0.5, 0.2, 0.005, 0.0005, 0.0001, 0.00002};

BaseClass base_class(char32_t clean, std::u32string_view e) {
  if (e.size() == 1 && e[0] == clean) return kSame;
  if (e.size() == 1 && vi::strip_diacritics(e[0]) == vi::strip_diacritics(clean)) return kSameLetter;
  switch (e.size()) {
    case 0: return kDropped;
    case 1: return kOther1;
    case 2: return kOther2;
    default: return kOther3;
  }
}

double base_prob(char32_t clean, std::u32string_view e) { return kBaseProb[base_class(clean, e)]; }

}  // namespace

constexpr double kAlpha = 2.0;  // weight of the prior in the emission estimates

ChannelModel::EmissionKey ChannelModel::key(char32_t clean, std::u32string_view e) {
  uint64_t packed = e.size();
  for (char32_t c : e) packed = (packed << 21) | c;
  return {packed, static_cast<uint32_t>(clean)};
}

ChannelModel::ChannelModel(ChannelCounts counts) : counts_(std::move(counts)) {
  for (const auto& [c, m] : counts_.emissions) {
    const double total = counts_.chars.at(c);
    log_denominator_[c] = static_cast<float>(std::log10(total + kAlpha));
    for (const auto& [e, n] : m)
      counted_[key(c, e)] = static_cast<float>(std::log10((n + kAlpha * base_prob(c, e)) / (total + kAlpha)));
  }
}

float ChannelModel::emission_log_prob(char32_t clean, std::u32string_view e) const {
  if (auto it = counted_.find(key(clean, e)); it != counted_.end()) return it->second;
  static const auto log_prior = [] {
    std::array<float, kBaseClasses> v{};
    for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<float>(std::log10(kAlpha * kBaseProb[i]));
    return v;
  }();
  const auto d = log_denominator_.find(clean);
  const float denominator = d == log_denominator_.end() ? static_cast<float>(std::log10(kAlpha)) : d->second;
  return log_prior[base_class(clean, e)] - denominator;
}

ChannelModel::Scorer::Scorer(const ChannelModel& model, std::u32string_view ocr)
    : model_(model), ocr_(ocr), seen_(model.seen_sources(ocr)) {}

const std::vector<float>& ChannelModel::Scorer::emissions_of(char32_t clean) {
  auto [it, added] = rows_.try_emplace(clean);
  if (added) {
    // Row j * (kMaxEmission + 1) + k: log10 P(ocr[j, j + k) | clean).
    const size_t m = ocr_.size();
    it->second.assign((m + 1) * (kMaxEmission + 1), kNone);
    for (size_t j = 0; j <= m; ++j)
      for (size_t k = 0; k <= kMaxEmission && j + k <= m; ++k)
        it->second[j * (kMaxEmission + 1) + k] = model_.emission_log_prob(clean, std::u32string_view(ocr_).substr(j, k));
  }
  return it->second;
}

float ChannelModel::Scorer::char_log_prob(std::u32string_view syl) {
  const size_t n = syl.size(), m = ocr_.size();
  dp_.assign((n + 1) * (m + 1), kNone);
  auto at = [m](size_t i, size_t j) { return i * (m + 1) + j; };
  dp_[0] = 0;
  for (size_t i = 0; i < n; ++i) {
    const std::vector<float>& e = emissions_of(syl[i]);
    for (size_t j = 0; j <= m; ++j) {
      const float here = dp_[at(i, j)];
      if (here == kNone) continue;
      for (size_t k = 0; k <= kMaxEmission && j + k <= m; ++k) {
        float& next = dp_[at(i + 1, j + k)];
        next = std::max(next, here + e[j * (kMaxEmission + 1) + k]);
      }
    }
  }
  return std::max(dp_[at(n, m)], -99.0f);
}

float ChannelModel::Scorer::log_prob(std::u32string_view syl) {
  const double chars = std::pow(10.0, char_log_prob(syl));
  double seen = 0, n = 0;
  if (auto s = model_.counts_.syllables.find(std::u32string(syl)); s != model_.counts_.syllables.end()) {
    n = s->second;
    if (seen_)
      if (auto p = seen_->find(std::u32string(syl)); p != seen_->end()) seen = p->second;
  }
  const double lambda = n / (n + kTokenTablePseudo);
  double p = n > 0 ? lambda * seen / n + (1 - lambda) * chars : chars;
  // The OCR this channel was trained on never writes Vietnamese letters, so
  // a token that carries them and spells the syllable came through intact
  // (clean text, a better OCR): let it pass.
  if (ocr_ == syl && !is_ascii(ocr_)) p = kPassThrough + (1 - kPassThrough) * p;
  return static_cast<float>(std::max(std::log10(p), -99.0));
}

float ChannelModel::char_log_prob(std::u32string_view ocr, std::u32string_view syl) const {
  return Scorer(*this, ocr).char_log_prob(syl);
}

float ChannelModel::log_prob(std::u32string_view ocr, std::u32string_view syl) const {
  return Scorer(*this, ocr).log_prob(syl);
}

const std::unordered_map<std::u32string, uint32_t>* ChannelModel::seen_sources(std::u32string_view ocr) const {
  auto it = counts_.by_ocr.find(std::u32string(ocr));
  return it == counts_.by_ocr.end() ? nullptr : &it->second;
}

ChannelModel ChannelModel::load(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open channel model " + path.string());
  ChannelCounts counts;
  std::string line;
  for (size_t ln = 1; std::getline(in, line); ++ln) {
    std::vector<std::string> f;
    for (size_t start = 0;;) {
      const size_t tab = line.find('\t', start);
      f.push_back(line.substr(start, tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    auto bad = [&] { return std::runtime_error(path.string() + ":" + std::to_string(ln) + ": malformed line"); };
    if (f.size() < 3 || f[0].size() != 1 || f.back().empty() ||
        f.back().find_first_not_of("0123456789") != std::string::npos)
      throw bad();
    const uint32_t n = static_cast<uint32_t>(std::stoul(f.back()));
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
  return ChannelModel(std::move(counts));
}

}  // namespace vn::restore
