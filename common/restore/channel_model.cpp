#include "restore/channel_model.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "vi/letters.hpp"

namespace vn::restore {
namespace {

constexpr float kNone = -1e9f;      // log10 of an impossible alignment
// The token table's trust in a syllable's readings: n / (n + w * types),
// n its count and types the distinct tokens it became, so a syllable that
// OCR damages many ways leaves more to the character model for a token the
// table never saw. Against a fixed n / (n + 3), on our held-out pages: SER
// scan 0.0503 -> 0.0485, 0.0720 -> 0.0661, 0.0570 -> 0.0543, print 0.0196
// -> 0.0193, 0.0180 -> 0.0179, stripped 0.0223 -> 0.0218 (w = 2 and 4, or
// adding the 3 back, score within 0.0007).
constexpr double kUnseenTypeWeight = 3.0;
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

// The prior's weight in the emission estimates of a character counted
// `total` times: at least kAlpha, and ChannelCounts::prior_share of its
// counts. With a weight of 2 alone, damage the training pages never showed
// is next to impossible for frequent characters ("h" read as "k": 10^-7.7),
// so no context could read a real scan's "dink" as "định", and adaptation
// could never learn it.
constexpr double kAlpha = 2.0;
double alpha_for(double total, double prior_share) { return std::max(kAlpha, prior_share * total); }

}  // namespace

uint64_t ChannelModel::pack(std::u32string_view e) {
  uint64_t packed = e.size();
  for (char32_t c : e) packed = (packed << 21) | c;
  return packed;
}

ChannelModel::ChannelModel(ChannelCounts counts) : counts_(std::move(counts)) {
  std::vector<std::pair<char32_t, int32_t>> slot;
  for (const auto& [c, m] : counts_.emissions) {
    const double total = counts_.chars.at(c);
    slot.emplace_back(c, static_cast<int32_t>(slots_.size()));
    const double alpha = alpha_for(total, counts_.prior_share);
    Slot s{static_cast<float>(std::log10(alpha / (total + alpha))), static_cast<uint32_t>(counted_.size()), 0};
    for (const auto& [e, n] : m)
      if (e.size() <= kMaxEmission)  // longer ones are never looked up (and would not pack)
        counted_.push_back({pack(e), static_cast<uint32_t>(e.size()), e.empty() ? 0 : e[0],
                            static_cast<float>(std::log10((n + alpha * base_prob(c, e)) / (total + alpha)))});
    s.end = static_cast<uint32_t>(counted_.size());
    slots_.push_back(s);
  }
  slot_ = FlatHashMap<char32_t, int32_t>(slot);
  for (const auto& [syl, n] : counts_.syllables) table_[syl].n = n;
  for (const auto& [ocr, sources] : counts_.by_ocr)
    for (const auto& [syl, n] : sources) ++table_[syl].types;
}

ChannelModel::TableCounts ChannelModel::table_counts(std::u32string_view syllable) const {
  const auto it = table_.find(std::u32string(syllable));
  return it == table_.end() ? TableCounts{} : it->second;
}

uint32_t ChannelModel::token_types(std::u32string_view syllable) const { return table_counts(syllable).types; }

int32_t ChannelModel::slot_of(char32_t clean) const {
  const int32_t* s = slot_.find(clean);
  return s ? *s : -1;
}

ChannelModel::Scorer::Scorer(const ChannelModel& model, std::u32string_view ocr)
    : model_(model),
      ocr_(ocr),
      width_((ocr.size() + 4) / 4 * 4),
      positions_(ocr.size() < CodePointPositions::kMaxLength ? CodePointPositions(ocr) : CodePointPositions()),
      ascii_(is_ascii(ocr)) {
  direct_.fill(-1);
  const size_t m = ocr_.size(), stride = m + 1;
  stripped_ = ocr_;
  for (char32_t& c : stripped_) c = vi::strip_diacritics(c);
  emitted_.assign((kMaxEmission + 1) * stride, 0);
  for (size_t k = 0; k <= kMaxEmission; ++k)
    for (size_t j = 0; j + k <= m; ++j) emitted_[k * stride + j] = pack(std::u32string_view(ocr_).substr(j, k));
  for (size_t k = 0; k <= kMaxEmission && k <= m; ++k)
    fits_[k] = m - k >= 63 ? ~uint64_t{0} : (uint64_t{2} << (m - k)) - 1;
  dp_.assign(row_size(), kNone);  // row 0: nothing aligned to nothing
  dp_[kPad] = 0;
}

// log10 P(ocr[j, j + k) | clean): the counted estimate, or the prior of
// the emission's class over the character's smoothing denominator.
void ChannelModel::Scorer::fill_emissions(char32_t clean, float* rows) const {
  static const auto log_prior = [] {
    std::array<float, kBaseClasses> v{};
    for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<float>(std::log10(kBaseProb[i]));
    return v;
  }();
  const int32_t slot = model_.slot_of(clean);
  const float denominator = slot < 0 ? 0.0f : -model_.slots_[slot].log_prior_share;
  const char32_t base = vi::strip_diacritics(clean);
  const size_t m = ocr_.size();
  auto row = [&](size_t k) { return rows + k * row_size() + kPad; };
  // Each row once: padding, the priors where the emission fits, kNone after.
  for (size_t k = 0; k <= kMaxEmission; ++k) {
    float* cells = row(k);
    std::fill(cells - kPad, cells, kNone);
    size_t j = 0;
    if (k == 1) {
      for (; j < m; ++j) {
        const BaseClass c = ocr_[j] == clean ? kSame : stripped_[j] == base ? kSameLetter : kOther1;
        cells[j] = log_prior[c] - denominator;
      }
    } else {
      const float prior = log_prior[k == 0 ? kDropped : k == 2 ? kOther2 : kOther3] - denominator;
      for (; j + k <= m; ++j) cells[j] = prior;
    }
    std::fill(cells + j, cells + width_, kNone);
  }
  if (slot < 0) return;
  // Counted emissions where ocr_ has them: found from where their first
  // code point is when ocr_ is shorter than 64 (the empty one fits
  // everywhere), else by trying every position.
  const Slot& s = model_.slots_[slot];
  for (uint32_t i = s.begin; i < s.end; ++i) {
    const Counted& e = model_.counted_[i];
    const uint64_t* emitted = emitted_.data() + e.length * (m + 1);
    float* cells = row(e.length);
    if (m < 64) {
      uint64_t at = (e.length == 0 ? ~uint64_t{0} : positions_.of(e.first)) & fits_[e.length];
      for (; at; at &= at - 1) {
        const size_t j = static_cast<size_t>(std::countr_zero(at));
        if (emitted[j] == e.emitted) cells[j] = e.log_prob;
      }
    } else {
      for (size_t j = 0; j + e.length <= m; ++j)
        if (emitted[j] == e.emitted) cells[j] = e.log_prob;
    }
  }
}

size_t ChannelModel::Scorer::add_group(char32_t clean, size_t direct) {
  if (direct >= direct_.size())
    for (size_t i = 0; i < other_groups_.size(); ++i)
      if (other_groups_[i].first == clean) return other_groups_[i].second;
  // Groups are appended at rows_used_; rows_ grows geometrically.
  const size_t at = rows_used_;
  rows_used_ += group_size();
  if (rows_capacity_ < rows_used_) {
    rows_capacity_ = std::max(rows_used_, 2 * rows_capacity_);
    std::unique_ptr<float[]> grown(new float[rows_capacity_]);
    std::copy(rows_.get(), rows_.get() + at, grown.get());
    rows_ = std::move(grown);
  }
  if (direct < direct_.size())
    direct_[direct] = static_cast<int32_t>(at);
  else
    other_groups_.emplace_back(clean, static_cast<uint32_t>(at));
  fill_emissions(clean, rows_.get() + at);
  return at;
}

namespace {

// One step of the alignment: next[j] = the best of here[j - k] + e_k[j - k]
// over k <= kMaxEmission, for j in [0, width) (a multiple of 4), where
// e_k = e + k * row_size; here and each e_k have kMaxEmission readable
// cells before them. No value is NaN, so the order of the maxima does not
// matter.
void align_step(const float* here, const float* e, size_t row_size, size_t width, float* next) {
  static_assert(kMaxEmission == 3);
  const float* e1 = e + row_size;
  const float* e2 = e1 + row_size;
  const float* e3 = e2 + row_size;
#if defined(__SSE2__)
  const __m128 none = _mm_set1_ps(kNone);
  for (size_t j = 0; j < width; j += 4) {
    __m128 best = _mm_max_ps(none, _mm_add_ps(_mm_loadu_ps(here + j), _mm_loadu_ps(e + j)));
    best = _mm_max_ps(best, _mm_add_ps(_mm_loadu_ps(here + j - 1), _mm_loadu_ps(e1 + j - 1)));
    best = _mm_max_ps(best, _mm_add_ps(_mm_loadu_ps(here + j - 2), _mm_loadu_ps(e2 + j - 2)));
    best = _mm_max_ps(best, _mm_add_ps(_mm_loadu_ps(here + j - 3), _mm_loadu_ps(e3 + j - 3)));
    _mm_storeu_ps(next + j, best);
  }
#else
  for (size_t j = 0; j < width; ++j) {
    float best = std::max(kNone, here[j] + e[j]);
    best = std::max(best, here[j - 1] + e1[j - 1]);
    best = std::max(best, here[j - 2] + e2[j - 2]);
    best = std::max(best, here[j - 3] + e3[j - 3]);
    next[j] = best;
  }
#endif
}

}  // namespace

// The best monotone alignment, one row per syllable character: row i + 1
// takes each ocr_ position j from row i at j - k, k <= kMaxEmission.
// Every emission has log10 P < 0, and padding cells are kNone: so an
// unreachable cell (kNone) plus an emission or padding never beats the
// kNone each cell starts from, and no cell needs a test. The values are
// those of a search that skips unreachable cells.
float ChannelModel::Scorer::char_log_prob(std::u32string_view syl) {
  const size_t n = syl.size(), size = row_size();
  // Rows 0..same hold the alignment of the prefix syl shares with aligned_.
  size_t same = 0;
  while (same < n && same < aligned_.size() && syl[same] == aligned_[same]) ++same;
  if (dp_.size() < (n + 1) * size) dp_.resize((n + 1) * size, kNone);  // new rows' padding
  for (size_t i = same; i < n; ++i)
    align_step(dp_.data() + i * size + kPad, emissions_of(syl[i]) + kPad, size, width_,
               dp_.data() + (i + 1) * size + kPad);
  aligned_.assign(syl);
  return std::max(dp_[n * size + kPad + ocr_.size()], -99.0f);
}

float ChannelModel::Scorer::log_prob(std::u32string_view syl) {
  TableCounts counts = model_.table_counts(syl);
  if (counts.n == 0) return log_prob(syl, TableCounts{});
  if (!seen_looked_up_) seen_ = model_.seen_sources(ocr_), seen_looked_up_ = true;
  if (seen_)
    if (auto p = seen_->find(std::u32string(syl)); p != seen_->end()) counts.seen = p->second;
  return log_prob(syl, counts);
}

float ChannelModel::Scorer::log_prob(std::u32string_view syl, TableCounts counts) {
  const float char_log = char_log_prob(syl);
  const bool intact = !ascii_ && ocr_ == syl;
  // Without token table counts the result is float(log10(10^char_log)),
  // which is char_log itself for every float in [-99, -2^-31] (checked
  // exhaustively with glibc; any pow and log10 within a few ulps keep it
  // so above 1e-6): skip pow and log10 there.
  if (counts.n == 0 && !intact && char_log <= -1e-6f) return char_log;
  const double chars = std::pow(10.0, char_log);
  const double seen = counts.seen, n = counts.n;
  // Witten-Bell: the share left to the character model is what the
  // syllable's readings say of how often it becomes a token not seen
  // before, many kinds of damage leaving more (see kUnseenTypeWeight).
  // (An adapted channel may count a syllable whose new readings it
  // dropped as one-offs: at least one kind.)
  const double lambda = n / (n + kUnseenTypeWeight * std::max<uint32_t>(counts.types, 1));
  double p = n > 0 ? lambda * seen / n + (1 - lambda) * chars : chars;
  // The OCR this channel was trained on never writes Vietnamese letters, so
  // a token that carries them and spells the syllable came through intact
  // (clean text, a better OCR): let it pass.
  if (intact) p = kPassThrough + (1 - kPassThrough) * p;
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
  return ChannelModel(read_channel_counts(path));
}

}  // namespace vn::restore
