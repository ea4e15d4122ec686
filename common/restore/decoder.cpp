#include "restore/decoder.hpp"

#include <algorithm>
#include <cmath>
#include <span>

namespace vn::restore {
namespace {

struct Hypothesis {
  LanguageModel::State state;
  float score;
  uint32_t back;         // index of the predecessor in column start - 1
  uint32_t option;       // option chosen at position `start`
  uint32_t prev_option;  // the predecessor's option (recombination key)
  uint32_t start;        // position of the chosen option (< the column for spans)
};

// Best-first, ties broken by option indices so that decoding is
// deterministic.
bool better(const Hypothesis& a, const Hypothesis& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.option != b.option) return a.option < b.option;
  return a.prev_option < b.prev_option;
}

// The best `beam` hypotheses of a position, best first, at most one per
// language-model state: hypotheses with equal states score every
// continuation alike, so only the best of them can lie on the best path.
class Column {
 public:
  // `storage`: room for `beam` hypotheses, owned by the caller.
  Column(Hypothesis* storage, size_t beam) : h_(storage), beam_(beam) {}

  std::span<const Hypothesis> hypotheses() const { return {h_, n_}; }
  // Offers scoring below this are turned away.
  float floor() const { return n_ == beam_ ? h_[n_ - 1].score : -1e30f; }

  void offer(const Hypothesis& x) {
    if (n_ == beam_ && !better(x, h_[n_ - 1])) return;
    for (size_t i = 0; i < n_; ++i) {
      if (h_[i].state == x.state) {  // same LM state: the same future, keep the better past
        if (!better(x, h_[i])) return;
        for (size_t k = i; k + 1 < n_; ++k) h_[k] = h_[k + 1];  // drop the worse one
        --n_;
        break;
      }
    }
    size_t at = n_;
    while (at > 0 && better(x, h_[at - 1])) --at;
    if (n_ < beam_) ++n_;
    for (size_t k = n_ - 1; k > at; --k) h_[k] = h_[k - 1];
    h_[at] = x;
  }

 private:
  Hypothesis* h_;
  size_t n_ = 0;
  size_t beam_;
};

// The LM scores decode() computed, kept so that confidences() need not ask
// the model again: per position, one cell per (predecessor hypothesis,
// option) pair that was scored. Reused by the thread's next sentence.
class ExtensionScores {
 public:
  struct Cell {
    float lm;                    // score_option() of the pair
    LanguageModel::State after;  // the state it leads to
  };

  void clear() { begin_.clear(), stride_.clear(), slot_.clear(), cells_.clear(); }
  // Opens the next position, with `predecessors` x `options` pairs.
  void open(size_t predecessors, size_t options) {
    begin_.push_back(slot_.size());
    stride_.push_back(options);
    slot_.resize(slot_.size() + predecessors * options, kUnscored);
  }
  void put(size_t t, size_t p, size_t o, float lm, const LanguageModel::State& after) {
    slot_[begin_[t] + p * stride_[t] + o] = static_cast<uint32_t>(cells_.size());
    cells_.push_back({lm, after});
  }
  // The pair's cell, or nullptr when decode() pruned it unscored.
  const Cell* find(size_t t, size_t p, size_t o) const {
    const uint32_t slot = slot_[begin_[t] + p * stride_[t] + o];
    return slot == kUnscored ? nullptr : &cells_[slot];
  }

 private:
  static constexpr uint32_t kUnscored = ~0u;
  std::vector<size_t> begin_, stride_;
  std::vector<uint32_t> slot_;
  std::vector<Cell> cells_;
};

// score_option() of the option at position t after state `in`, answered
// from decoding's scores where it can: decoding scored the extensions of
// column t - 1's hypotheses by the options at t (those it did not prune),
// and a column holds at most one hypothesis per state, so a hypothesis
// there with state `in` finds the very score.
class ExtensionLookup {
 public:
  // `start`: the column before position 0.
  ExtensionLookup(const LanguageModel& lm, const Lattice& lattice, const Column& start,
                  const std::vector<Column>& columns, const ExtensionScores& known)
      : lm_(lm), lattice_(lattice), start_(start), columns_(columns), known_(known) {}

  float score(size_t t, size_t option, const LanguageModel::State& in, LanguageModel::State& after) const {
    const std::span<const Hypothesis> prev = (t == 0 ? start_ : columns_[t - 1]).hypotheses();
    for (size_t p = 0; p < prev.size(); ++p) {
      if (!(prev[p].state == in)) continue;
      if (const ExtensionScores::Cell* c = known_.find(t, p, option)) {
        after = c->after;
        return c->lm;
      }
      break;
    }
    return score_option(lm_, in, (*lattice_[t])[option], after);
  }

 private:
  const LanguageModel& lm_;
  const Lattice& lattice_;
  const Column& start_;
  const std::vector<Column>& columns_;
  const ExtensionScores& known_;
};

// An upper bound of score_option() in any state.
float upper_bound(const LanguageModel& lm, const Option& option) {
  const float word = lm.upper_bound(option.word);
  return (option.number_prefix | option.number_suffix) == 0 ? word : word + lm.upper_bound(kNumber);
}

constexpr double kLn10 = 2.302585092994046;  // 10^x == e^(x ln 10), and exp is cheaper than pow

// Another option of a position whose confidence is computed.
struct Rival {
  size_t option;
  double own;                  // LM score after the chosen predecessor plus weighted channel
  LanguageModel::State after;  // the LM state after it, then after the next chosen reading
  double next = 0;             // the next chosen reading's LM score after it
  double score;                // an upper bound of its score until scored in full
  int scored = 0;              // readings after it scored: 0, 1 (`next`), 2 (in full)
};

// The chosen option's share is 1 / (1 + R), R the sum over the rivals of
// 10^(score - chosen_score). Scores the rival with the highest bound one
// reading further (refine(rival)) until R, summed from the bounds, is at
// most `limit`; returns that R, or -1 when every rival is scored in full
// and R is still above it.
template <class Refine>
double shown_rest(std::vector<Rival>& rivals, double chosen_score, double limit, Refine refine) {
  auto share = [&](const Rival& r) { return std::exp((r.score - chosen_score) * kLn10); };
  double rest = 0;
  for (const Rival& r : rivals) rest += share(r);
  while (rest > limit) {
    Rival* top = nullptr;
    for (Rival& r : rivals)
      if (r.scored < 2 && (top == nullptr || r.score > top->score)) top = &r;
    if (top == nullptr) return -1;
    rest -= share(*top);
    refine(*top);
    rest += share(*top);
  }
  return std::max(rest, 0.0);
}

// Fills in the confidence and runner-ups of every decision in `out`.
// Local confidence: the chosen option's share when each option is scored
// in the chosen context (the LM of it and of the two readings after it).
// `path` lists the positions where chosen readings start; `before[k]` is
// the LM state before the k-th. Options are left out when their share is
// surely below 1e-4 (kNegligible log10 units behind the chosen one): by
// their channel score alone, or by their own LM score plus the most the
// context after them could add. A share surely at or above `exact_below`
// (see decode) is given as the lower bound that shows it.
void confidences(const LanguageModel& lm, const Lattice& lattice, const std::vector<size_t>& chosen,
                 const std::vector<size_t>& path, const std::vector<LanguageModel::State>& before,
                 const ExtensionLookup& known, float channel_weight, float exact_below, std::vector<Decision>& out) {
  constexpr float kNegligible = 4.0f;
  constexpr double kMargin = 1e-4;  // added to upper bounds, against rounding
  // The chosen share is 1 / (1 + R), R the sum over the other options of
  // 10^(their score - the chosen one's): it is surely >= exact_below when
  // R, summed from upper bounds of their scores, stays below this (with a
  // margin for rounding).
  const double proof_limit = exact_below > 0 && exact_below <= 1 ? (1.0 / exact_below - 1.0) * 0.999 : -1.0;
  auto chosen_at = [&](size_t k) -> const Option& { return (*lattice[path[k]])[chosen[path[k]]]; };
  std::vector<Rival> rivals;
  std::vector<std::pair<double, size_t>> scores;  // (score, option)
  std::vector<std::pair<LanguageModel::State, double>> second;  // see second_score()
  for (size_t k = 0; k < path.size(); ++k) {
    const size_t t = path[k];
    const std::vector<Option>& opts = *lattice[t];
    const float floor = channel_weight * chosen_at(k).channel - kNegligible;
    const size_t viable = std::count_if(opts.begin(), opts.end(),
                                        [&](const Option& o) { return channel_weight * o.channel >= floor; });
    if (viable <= 1) continue;  // nothing else comes close
    // Option i's LM score after the chosen predecessor.
    auto own = [&](size_t i, LanguageModel::State& after) -> double { return known.score(t, i, before[k], after); };
    // What the chosen readings after it add, behind option i's state, in
    // two steps: the next reading's score (`after` becomes the state after
    // it), then the one after that. The state after the next reading often
    // forgets option i (about half the time on generated pages), so the
    // second score is remembered by that state for the position's other
    // options.
    second.clear();
    auto next_score = [&](LanguageModel::State& after) -> double {
      if (k + 1 == path.size()) return lm.end_sentence(after);
      LanguageModel::State b;
      const double v = known.score(path[k + 1], chosen[path[k + 1]], after, b);
      after = b;
      return v;
    };
    auto second_score = [&](const LanguageModel::State& b) -> double {
      const auto seen = std::find_if(second.begin(), second.end(), [&](const auto& s) { return s.first == b; });
      if (seen != second.end()) return seen->second;
      LanguageModel::State c;
      second.emplace_back(b, known.score(path[k + 2], chosen[path[k + 2]], b, c));
      return second.back().second;
    };
    auto context = [&](const LanguageModel::State& after, double next) {
      double v = next;
      if (k + 2 < path.size()) v += second_score(after);
      return v;
    };
    // Upper bounds of the two: an option whose own score plus them stays
    // kNegligible behind the chosen one is left out unscored.
    const float next_bound = k + 1 < path.size() ? upper_bound(lm, chosen_at(k + 1)) : lm.upper_bound(kEos);
    const float second_bound = k + 2 < path.size() ? upper_bound(lm, chosen_at(k + 2)) : 0.0f;
    const double context_bound = next_bound + second_bound;
    LanguageModel::State after;
    double chosen_score = own(chosen[t], after) + channel_weight * chosen_at(k).channel;
    chosen_score += context(after, next_score(after));
    rivals.clear();
    for (size_t i = 0; i < opts.size(); ++i) {
      if (i == chosen[t] || channel_weight * opts[i].channel < floor) continue;
      const double v = own(i, after) + channel_weight * opts[i].channel;
      if (v + context_bound < chosen_score - kNegligible) continue;
      rivals.push_back({i, v, after, 0.0, v + context_bound + kMargin});
    }
    // Scores the rival one reading further.
    auto refine = [&](Rival& r) {
      if (r.scored == 0) {
        r.next = next_score(r.after);
        r.scored = 1;
        if (k + 2 < path.size()) {
          r.score = r.own + r.next + second_bound + kMargin;
          return;
        }
      }
      r.score = r.own + context(r.after, r.next);
      r.scored = 2;
    };
    Decision& d = out[t];
    if (const double rest = proof_limit >= 0 ? shown_rest(rivals, chosen_score, proof_limit, refine) : -1; rest >= 0) {
      d.confidence = static_cast<float>(1.0 / (1.0 + rest));  // high enough: its lower bound
      for (size_t u = t + 1; u < t + chosen_at(k).span; ++u) out[u].confidence = d.confidence;
      continue;
    }
    scores.assign(1, {chosen_score, chosen[t]});
    for (Rival& r : rivals) {
      while (r.scored < 2) refine(r);
      scores.push_back({r.score, r.option});
    }
    double best = chosen_score;
    for (const auto& [v, i] : scores) best = std::max(best, v);
    double sum = 0;
    for (const auto& [v, i] : scores) sum += std::exp((v - best) * kLn10);
    d.confidence = static_cast<float>(std::exp((chosen_score - best) * kLn10) / sum);
    // The runner-ups: best first, ties to the lower option index.
    const size_t others = std::min<size_t>(2, scores.size() - 1);
    std::partial_sort(scores.begin() + 1, scores.begin() + 1 + others, scores.end(),
                      [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    for (size_t r = 0; r < others; ++r) {
      d.runner_up[r] = scores[1 + r].second;
      d.runner_up_share[r] = static_cast<float>(std::exp((scores[1 + r].first - best) * kLn10) / sum);
    }
    for (size_t u = t + 1; u < t + chosen_at(k).span; ++u) out[u].confidence = d.confidence;
  }
}

}  // namespace

// A number glued to a word: two LM words.
float score_compound_option(const LanguageModel& lm, const LanguageModel::State& in, const Option& option,
                            LanguageModel::State& out) {
  LanguageModel::State mid;
  if (option.number_prefix) return lm.score(in, kNumber, mid) + lm.score(mid, option.word, out);
  return lm.score(in, option.word, mid) + lm.score(mid, kNumber, out);
}

std::vector<Decision> decode(const LanguageModel& lm, const Lattice& lattice, const DecoderOptions& options,
                             float exact_below) {
  const bool want_confidences = exact_below > 0;
  const size_t n = lattice.size();
  if (n == 0) return {};
  // Column c holds the hypotheses whose last reading ends at position c; a
  // reading spanning two tokens ends one column after it starts.
  // One buffer for every column, reused by the thread's next sentence.
  const size_t beam = std::max<size_t>(options.beam, 1);
  thread_local std::vector<Hypothesis> storage;
  storage.resize(n * beam + 1);
  std::vector<Column> columns;
  columns.reserve(n);
  for (size_t c = 0; c < n; ++c) columns.emplace_back(storage.data() + c * beam, beam);
  // Beam threshold per column: an extension whose score before the LM, plus
  // the most the LM could give it (LanguageModel::upper_bound), is already
  // far below the best one there, or below the worst of a full column, is
  // skipped without asking the model.
  std::vector<float> threshold(n, -1e30f);
  std::vector<float> upper;  // upper_bound() per option of the position
  thread_local ExtensionScores scored;
  scored.clear();
  Column start(storage.data() + n * beam, 1);
  start.offer({lm.begin_sentence(), 0.0f, 0, 0, 0, 0});
  for (size_t t = 0; t < n; ++t) {
    const std::span<const Hypothesis> prev = (t == 0 ? start : columns[t - 1]).hypotheses();
    const std::vector<Option>& opts = *lattice[t];
    // Options come best channel first and hypotheses best first, so the
    // first extension below every threshold it could reach ends its loop.
    const bool spans = t + 1 < n && std::any_of(opts.begin(), opts.end(), [](const Option& o) { return o.span > 1; });
    auto bar = [&](size_t c) { return std::max(threshold[c], columns[c].floor()); };
    auto lowest = [&] { return spans ? std::min(bar(t), bar(t + 1)) : bar(t); };
    const float best_channel = options.channel_weight * opts[0].channel;
    upper.clear();
    for (const Option& o : opts) upper.push_back(upper_bound(lm, o));
    for (const Hypothesis& h : prev) lm.prefetch_context(h.state);
    for (const Hypothesis& h : prev) lm.prefetch_blocks(h.state);
    if (want_confidences) scored.open(prev.size(), opts.size());
    for (uint32_t p = 0; p < prev.size(); ++p) {
      if (prev[p].score + best_channel < lowest()) break;
      for (uint32_t o = 0; o < opts.size(); ++o) {
        const size_t end = t + opts[o].span - 1;
        if (end >= n) continue;
        const float before_lm = prev[p].score + options.channel_weight * opts[o].channel;
        if (before_lm < lowest()) break;
        if (before_lm + upper[o] < bar(end)) continue;
        Hypothesis h;
        const float lm_score = score_option(lm, prev[p].state, opts[o], h.state);
        if (want_confidences) scored.put(t, p, o, lm_score, h.state);
        h.score = before_lm + lm_score;
        threshold[end] = std::max(threshold[end], h.score - options.beam_width);
        h.back = p;
        h.option = o;
        h.prev_option = prev[p].option;
        h.start = static_cast<uint32_t>(t);
        columns[end].offer(h);
      }
    }
  }
  // Close the sentence, then follow the back pointers.
  const std::span<const Hypothesis> last = columns[n - 1].hypotheses();
  size_t best = 0;
  float best_score = -1e30f;
  for (size_t i = 0; i < last.size(); ++i) {
    const float s = last[i].score + lm.end_sentence(last[i].state);
    if (s > best_score) best_score = s, best = i;
  }
  std::vector<size_t> chosen(n, kCovered), path;
  std::vector<LanguageModel::State> before;
  for (size_t c = n; c-- > 0;) {
    const Hypothesis& h = columns[c].hypotheses()[best];
    chosen[h.start] = h.option;
    path.push_back(h.start);
    before.push_back(h.start > 0 ? columns[h.start - 1].hypotheses()[h.back].state : lm.begin_sentence());
    best = h.back;
    c = h.start;
  }
  std::reverse(path.begin(), path.end());
  std::reverse(before.begin(), before.end());
  std::vector<Decision> out(n);
  for (size_t t = 0; t < n; ++t) out[t] = {chosen[t], 1.0f};
  if (want_confidences) {
    const ExtensionLookup known(lm, lattice, start, columns, scored);
    confidences(lm, lattice, chosen, path, before, known, options.channel_weight, exact_below, out);
  }
  return out;
}

}  // namespace vn::restore
