#include "restore/decoder.hpp"

#include <algorithm>
#include <cmath>

namespace vn::restore {
namespace {

struct Hypothesis {
  LanguageModel::State state;
  float score;
  uint32_t back;    // index of the predecessor in the previous column
  uint32_t option;  // option chosen at this position
  uint32_t prev_option;
};

// Best-first, ties broken by option indices so that decoding is
// deterministic.
bool better(const Hypothesis& a, const Hypothesis& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.option != b.option) return a.option < b.option;
  return a.prev_option < b.prev_option;
}

// Keeps the best hypothesis per (previous option, option) pair — the
// trigram state — and then the best `beam` of those.
void prune(std::vector<Hypothesis>& column, size_t beam) {
  const size_t look = std::min(column.size(), 4 * beam);
  std::partial_sort(column.begin(), column.begin() + static_cast<long>(look), column.end(), better);
  std::vector<Hypothesis> kept;
  kept.reserve(beam);
  for (size_t i = 0; i < look && kept.size() < beam; ++i) {
    const Hypothesis& h = column[i];
    bool dup = false;
    for (const Hypothesis& k : kept) dup |= k.option == h.option && k.prev_option == h.prev_option;
    if (!dup) kept.push_back(h);
  }
  column.swap(kept);
}

// Local confidence: the chosen option's share when each option is scored
// in the chosen context (the LM of it and of the two words after it).
// `before[t]` is the LM state of the chosen path before position t.
// Options whose channel score alone puts them more than kNegligible log10
// units behind the chosen one are left out: their share is below 1e-4.
std::vector<float> confidences(const LanguageModel& lm, const std::vector<std::vector<Option>>& lattice,
                               const std::vector<size_t>& chosen, const std::vector<LanguageModel::State>& before,
                               float channel_weight) {
  constexpr float kNegligible = 4.0f;
  const size_t n = lattice.size();
  std::vector<float> out(n, 1.0f);
  auto word_at = [&](size_t t) { return lattice[t][chosen[t]].word; };
  for (size_t t = 0; t < n; ++t) {
    if (lattice[t].size() == 1) continue;
    const float floor = channel_weight * lattice[t][chosen[t]].channel - kNegligible;
    double chosen_score = 0;
    std::vector<double> scores;
    for (size_t i = 0; i < lattice[t].size(); ++i) {
      const Option& o = lattice[t][i];
      if (i != chosen[t] && channel_weight * o.channel < floor) continue;
      LanguageModel::State a, b, c;
      double v = lm.score(before[t], o.word, a) + channel_weight * o.channel;
      if (t + 1 < n) v += lm.score(a, word_at(t + 1), b);
      else v += lm.end_sentence(a);
      if (t + 2 < n) v += lm.score(b, word_at(t + 2), c);
      scores.push_back(v);
      if (i == chosen[t]) chosen_score = v;
    }
    const double best = *std::max_element(scores.begin(), scores.end());
    double sum = 0;
    for (double v : scores) sum += std::pow(10.0, v - best);
    out[t] = static_cast<float>(std::pow(10.0, chosen_score - best) / sum);
  }
  return out;
}

}  // namespace

std::vector<Decision> decode(const LanguageModel& lm, const std::vector<std::vector<Option>>& lattice,
                             const DecoderOptions& options) {
  const size_t n = lattice.size();
  if (n == 0) return {};
  std::vector<std::vector<Hypothesis>> columns(n);
  std::vector<Hypothesis> start = {{lm.begin_sentence(), 0.0f, 0, 0, 0}};
  for (size_t t = 0; t < n; ++t) {
    const std::vector<Hypothesis>& prev = t == 0 ? start : columns[t - 1];
    std::vector<Hypothesis>& col = columns[t];
    col.reserve(prev.size() * lattice[t].size());
    // Beam threshold: the LM can only lower a score, so an extension whose
    // score before the LM is already far below the best one is skipped.
    float threshold = -1e30f;
    for (uint32_t p = 0; p < prev.size(); ++p) {
      for (uint32_t o = 0; o < lattice[t].size(); ++o) {
        const Option& opt = lattice[t][o];
        const float before_lm = prev[p].score + options.channel_weight * opt.channel;
        if (before_lm < threshold) continue;
        Hypothesis h;
        h.score = before_lm + lm.score(prev[p].state, opt.word, h.state);
        threshold = std::max(threshold, h.score - options.beam_width);
        h.back = p;
        h.option = o;
        h.prev_option = prev[p].option;
        col.push_back(h);
      }
    }
    prune(col, options.beam);
  }
  // Close the sentence, then follow the back pointers.
  size_t best = 0;
  float best_score = -1e30f;
  for (size_t i = 0; i < columns[n - 1].size(); ++i) {
    const float s = columns[n - 1][i].score + lm.end_sentence(columns[n - 1][i].state);
    if (s > best_score) best_score = s, best = i;
  }
  std::vector<size_t> chosen(n);
  std::vector<LanguageModel::State> before(n);
  for (size_t t = n; t-- > 0;) {
    chosen[t] = columns[t][best].option;
    best = columns[t][best].back;
    before[t] = t > 0 ? columns[t - 1][best].state : lm.begin_sentence();
  }
  const std::vector<float> conf = confidences(lm, lattice, chosen, before, options.channel_weight);
  std::vector<Decision> out(n);
  for (size_t t = 0; t < n; ++t) out[t] = {chosen[t], conf[t]};
  return out;
}

}  // namespace vn::restore
