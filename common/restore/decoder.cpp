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

// The best `beam` hypotheses of a position, best first, at most one per
// (previous option, option) pair — the trigram state, so the pair's best
// one is the only one that can lie on the best path.
class Column {
 public:
  explicit Column(size_t beam) : beam_(beam) { h_.reserve(beam + 1); }

  bool full() const { return h_.size() == beam_; }
  const std::vector<Hypothesis>& hypotheses() const { return h_; }

  void offer(const Hypothesis& x) {
    if (full() && !better(x, h_.back())) return;
    size_t i = 0;
    for (; i < h_.size(); ++i) {
      if (h_[i].option == x.option && h_[i].prev_option == x.prev_option) {
        if (!better(x, h_[i])) return;
        h_.erase(h_.begin() + static_cast<long>(i));
        break;
      }
    }
    auto at = std::upper_bound(h_.begin(), h_.end(), x, better);
    h_.insert(at, x);
    if (h_.size() > beam_) h_.pop_back();
  }

 private:
  size_t beam_;
  std::vector<Hypothesis> h_;
};

// Local confidence: the chosen option's share when each option is scored
// in the chosen context (the LM of it and of the two words after it).
// `before[t]` is the LM state of the chosen path before position t.
// Options whose channel score alone puts them more than kNegligible log10
// units behind the chosen one are left out: their share is below 1e-4.
std::vector<float> confidences(const LanguageModel& lm, const Lattice& lattice,
                               const std::vector<size_t>& chosen, const std::vector<LanguageModel::State>& before,
                               float channel_weight) {
  constexpr float kNegligible = 4.0f;
  const size_t n = lattice.size();
  std::vector<float> out(n, 1.0f);
  auto word_at = [&](size_t t) { return (*lattice[t])[chosen[t]].word; };
  for (size_t t = 0; t < n; ++t) {
    if (lattice[t]->size() == 1) continue;
    const float floor = channel_weight * (*lattice[t])[chosen[t]].channel - kNegligible;
    double chosen_score = 0;
    std::vector<double> scores;
    for (size_t i = 0; i < lattice[t]->size(); ++i) {
      const Option& o = (*lattice[t])[i];
      if (i != chosen[t] && channel_weight * o.channel < floor) continue;
      LanguageModel::State a, b, c;
      double v = score_option(lm, before[t], o, a) + channel_weight * o.channel;
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

float score_option(const LanguageModel& lm, const LanguageModel::State& in, const Option& option,
                   LanguageModel::State& out) {
  if (option.number_prefix == 0 && option.number_suffix == 0) return lm.score(in, option.word, out);
  LanguageModel::State mid;
  if (option.number_prefix) return lm.score(in, kNumber, mid) + lm.score(mid, option.word, out);
  return lm.score(in, option.word, mid) + lm.score(mid, kNumber, out);
}

std::vector<Decision> decode(const LanguageModel& lm, const Lattice& lattice, const DecoderOptions& options) {
  const size_t n = lattice.size();
  if (n == 0) return {};
  std::vector<Column> columns;
  columns.reserve(n);
  Column start(1);
  start.offer({lm.begin_sentence(), 0.0f, 0, 0, 0});
  for (size_t t = 0; t < n; ++t) {
    const std::vector<Hypothesis>& prev = (t == 0 ? start : columns[t - 1]).hypotheses();
    Column& col = columns.emplace_back(std::max<size_t>(options.beam, 1));
    const std::vector<Option>& opts = *lattice[t];
    // Beam threshold: the LM can only lower a score, so an extension whose
    // score before the LM is already far below the best one is skipped.
    // Options come best channel first and hypotheses best first, so the
    // first extension below the threshold ends its loop.
    float threshold = -1e30f;
    const float best_channel = options.channel_weight * opts[0].channel;
    for (uint32_t p = 0; p < prev.size(); ++p) {
      if (prev[p].score + best_channel < threshold) break;
      for (uint32_t o = 0; o < opts.size(); ++o) {
        const float before_lm = prev[p].score + options.channel_weight * opts[o].channel;
        if (before_lm < threshold) break;
        Hypothesis h;
        h.score = before_lm + score_option(lm, prev[p].state, opts[o], h.state);
        threshold = std::max(threshold, h.score - options.beam_width);
        h.back = p;
        h.option = o;
        h.prev_option = prev[p].option;
        col.offer(h);
      }
    }
  }
  // Close the sentence, then follow the back pointers.
  const std::vector<Hypothesis>& last = columns[n - 1].hypotheses();
  size_t best = 0;
  float best_score = -1e30f;
  for (size_t i = 0; i < last.size(); ++i) {
    const float s = last[i].score + lm.end_sentence(last[i].state);
    if (s > best_score) best_score = s, best = i;
  }
  std::vector<size_t> chosen(n);
  std::vector<LanguageModel::State> before(n);
  for (size_t t = n; t-- > 0;) {
    const Hypothesis& h = columns[t].hypotheses()[best];
    chosen[t] = h.option;
    best = h.back;
    before[t] = t > 0 ? columns[t - 1].hypotheses()[best].state : lm.begin_sentence();
  }
  const std::vector<float> conf = confidences(lm, lattice, chosen, before, options.channel_weight);
  std::vector<Decision> out(n);
  for (size_t t = 0; t < n; ++t) out[t] = {chosen[t], conf[t]};
  return out;
}

}  // namespace vn::restore
