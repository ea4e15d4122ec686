#include "restore/channel_adaptation.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
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

// Every `every`-th piece is held out; of fewer pieces, the last.
bool held_out(size_t i, size_t pieces, size_t every) {
  return pieces < every ? i + 1 == pieces : i % every == every - 1;
}

// What a token was read as, in 32 bits: 0 when kept, else a hash of the
// reading (two readings of one text are compared by these).
uint32_t fingerprint(const TokenReading& t) {
  if (t.syllable == nullptr) return t.span == 0 ? 1 : 0;
  uint32_t h = 2166136261u ^ t.span ^ (t.unglued ? 0x100u : 0u);
  for (const char32_t c : *t.syllable) h = (h ^ c) * 16777619u;
  return h | 2;
}

// What one round learns from reading every piece.
struct Reading {
  std::vector<std::vector<uint32_t>> readings;  // per piece, per token: fingerprint()
  ChannelCounts training;                       // pairs of the training pieces
  std::vector<DecodedPair> held_out;            // pairs of the held-out pieces
  size_t training_pairs = 0;
};

// Reads the pieces a block at a time (in parallel within a block), so that
// only a block's readings and pairs are held at once; counts in piece
// order, so the result does not depend on the threads.
Reading read_all(const Restorer& restorer, const std::vector<std::string_view>& pieces, const AdaptationOptions& o) {
  constexpr size_t kBlock = 256;
  Reading r;
  r.readings.resize(pieces.size());
  std::vector<std::vector<DecodedPair>> pairs(kBlock);
  for (size_t begin = 0; begin < pieces.size(); begin += kBlock) {
    if (o.stop && o.stop()) break;  // the caller sees the stop too and keeps nothing of this round
    const size_t end = std::min(pieces.size(), begin + kBlock);
    tbb::parallel_for(begin, end, [&](size_t i) {
      const std::vector<TokenReading> tokens = restorer.read(pieces[i], o.min_confidence);  // only whether each is sure enough counts
      r.readings[i].reserve(tokens.size());
      for (const TokenReading& t : tokens) r.readings[i].push_back(fingerprint(t));
      pairs[i - begin].clear();
      collect_pairs(pieces[i], tokens, o.min_confidence, pairs[i - begin]);
    });
    for (size_t i = begin; i < end; ++i) {
      const std::vector<DecodedPair>& p = pairs[i - begin];
      if (held_out(i, pieces.size(), o.held_out_every)) {
        r.held_out.insert(r.held_out.end(), p.begin(), p.end());
      } else {
        for (const DecodedPair& x : p) add_pair(r.training, x.syllable, x.ocr);
        r.training_pairs += p.size();
      }
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

// Share of tokens read differently in two readings of the same pieces.
double changed_share(const std::vector<std::vector<uint32_t>>& a, const std::vector<std::vector<uint32_t>>& b) {
  size_t changed = 0, all = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    for (size_t t = 0; t < a[i].size(); ++t) changed += a[i][t] != b[i][t];
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
  const Restorer* current = adapted.get();
  std::vector<std::vector<uint32_t>> previous;
  for (int round = 0; round < options.max_rounds; ++round) {
    if (options.stop && options.stop()) break;
    const auto t0 = std::chrono::steady_clock::now();
    Reading r = read_all(*current, pieces, options);
    if (options.stop && options.stop()) break;
    AdaptationRound a;
    a.pairs = r.training_pairs;
    a.held_out_pairs = r.held_out.size();
    if (!previous.empty()) a.changed = changed_share(previous, r.readings);
    ChannelCounts next = interpolate_channel(base.channel().counts(), r.training, options.prior);
    next.prior_share = options.prior_share;
    ChannelModel model(next);
    a.gain = gain(current->channel(), model, r.held_out);
    a.kept = a.gain >= options.min_gain;
    a.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    result.rounds.push_back(a);
    if (!a.kept) break;
    result.counts = std::move(next);
    adapted = base.with_channel(std::move(model));
    current = adapted.get();
    previous = std::move(r.readings);
  }
  return result;
}

}  // namespace vn::restore
