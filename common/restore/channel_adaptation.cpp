#include "restore/channel_adaptation.hpp"

#include <tbb/parallel_for.h>

#include <chrono>
#include <memory>

#include "restore/decoded_pairs.hpp"

namespace vn::restore {
namespace {

// Texts are read, counted and held out in pieces of about this many bytes
// (restore_in_pieces' cuts), so that a few long documents are split as
// well as many short ones.
constexpr size_t kPieceBytes = 4096;

std::vector<std::string_view> pieces_of(const std::vector<std::string>& texts) {
  std::vector<std::string_view> out;
  for (std::string_view t : texts)
    while (!t.empty()) {
      const size_t end = piece_end(t, kPieceBytes);
      out.push_back(t.substr(0, end));
      t.remove_prefix(end);
    }
  return out;
}

// What one round learns from reading every piece.
struct Reading {
  std::vector<std::vector<TokenReading>> tokens;  // per piece
  ChannelCounts training;                          // pairs of the training pieces
  std::vector<DecodedPair> held_out;               // pairs of the held-out pieces
  size_t training_pairs = 0;
};

// Every `every`-th piece is held out; of fewer pieces, the last.
bool held_out(size_t i, size_t pieces, size_t every) {
  return pieces < every ? i + 1 == pieces : i % every == every - 1;
}

Reading read_all(const Restorer& restorer, const std::vector<std::string_view>& pieces, const AdaptationOptions& o) {
  Reading r;
  r.tokens.resize(pieces.size());
  std::vector<std::vector<DecodedPair>> pairs(pieces.size());
  tbb::parallel_for(size_t{0}, pieces.size(), [&](size_t i) {
    r.tokens[i] = restorer.read(pieces[i]);
    collect_pairs(pieces[i], r.tokens[i], o.min_confidence, pairs[i]);
  });
  for (size_t i = 0; i < pieces.size(); ++i) {
    const bool h = held_out(i, pieces.size(), o.held_out_every);
    if (h) r.held_out.insert(r.held_out.end(), pairs[i].begin(), pairs[i].end());
    if (!h) {
      for (const DecodedPair& p : pairs[i]) add_pair(r.training, p.syllable, p.ocr);
      r.training_pairs += pairs[i].size();
    }
  }
  return r;
}

// Mean log10 P(ocr | syllable) of `pairs` under `after` minus under `before`.
double gain(const ChannelModel& before, const ChannelModel& after, const std::vector<DecodedPair>& pairs) {
  if (pairs.empty()) return 0;
  std::vector<double> d(pairs.size());
  tbb::parallel_for(size_t{0}, pairs.size(), [&](size_t i) {
    d[i] = static_cast<double>(after.log_prob(pairs[i].ocr, pairs[i].syllable)) -
           static_cast<double>(before.log_prob(pairs[i].ocr, pairs[i].syllable));
  });
  double sum = 0;
  for (const double x : d) sum += x;  // in order: deterministic
  return sum / static_cast<double>(pairs.size());
}

// Share of tokens whose reading differs between two readings of the texts.
double changed_share(const std::vector<std::vector<TokenReading>>& a, const std::vector<std::vector<TokenReading>>& b) {
  size_t changed = 0, all = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    for (size_t t = 0; t < a[i].size(); ++t) {
      const TokenReading &x = a[i][t], &y = b[i][t];
      const bool same = x.span == y.span && x.unglued == y.unglued &&
                        (x.syllable == y.syllable || (x.syllable && y.syllable && *x.syllable == *y.syllable));
      changed += same ? 0 : 1;
    }
    all += a[i].size();
  }
  return all == 0 ? 0 : static_cast<double>(changed) / static_cast<double>(all);
}

}  // namespace

bool AdaptationResult::adapted() const {
  for (const AdaptationRound& r : rounds)
    if (r.kept) return true;
  return false;
}

AdaptationResult adapt_channel(const Restorer& base, const std::vector<std::string>& texts,
                               const AdaptationOptions& options) {
  AdaptationResult result;
  result.texts = texts.size();
  for (const std::string& t : texts) result.bytes += t.size();
  result.counts = base.channel().counts();
  const std::vector<std::string_view> pieces = pieces_of(texts);
  if (pieces.size() < 2) return result;  // nothing to hold out, so nothing to judge a round by
  ChannelCounts smoothed = base.channel().counts();
  smoothed.prior_share = options.prior_share;
  std::unique_ptr<Restorer> adapted = base.with_channel(ChannelModel(std::move(smoothed)));
  std::unique_ptr<Restorer> reader_of_previous;  // `previous` points into its spelling
  const Restorer* current = adapted.get();
  std::vector<std::vector<TokenReading>> previous;
  for (int round = 0; round < options.max_rounds; ++round) {
    if (options.stop && options.stop()) break;
    const auto t0 = std::chrono::steady_clock::now();
    Reading r = read_all(*current, pieces, options);
    AdaptationRound a;
    a.pairs = r.training_pairs;
    a.held_out_pairs = r.held_out.size();
    if (!previous.empty()) a.changed = changed_share(previous, r.tokens);
    ChannelCounts next = interpolate_channel(base.channel().counts(), r.training, options.prior);
    next.prior_share = options.prior_share;
    ChannelModel model(next);
    a.gain = gain(current->channel(), model, r.held_out);
    a.kept = a.gain >= options.min_gain;
    a.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    result.rounds.push_back(a);
    if (!a.kept) break;
    result.counts = std::move(next);
    reader_of_previous = std::move(adapted);
    adapted = base.with_channel(std::move(model));
    current = adapted.get();
    previous = std::move(r.tokens);
  }
  return result;
}

}  // namespace vn::restore
