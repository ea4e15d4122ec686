#include <tbb/global_control.h>

#include <cstdio>
#include <optional>

#include "index/adaptation_sample.hpp"
#include "index/archive_channel.hpp"
#include "index/build_mode.hpp"
#include "index/channel_refresh.hpp"
#include "index/pipeline.hpp"
#include "indexer/commands.hpp"
#include "io/atomic_file.hpp"
#include "io/walker.hpp"
#include "restore/channel_adaptation.hpp"
#include "restore/channel_confusions.hpp"
#include "text/utf8.hpp"

namespace vn::indexer {
namespace {

// The sample of the inputs to learn from; what was left out is reported.
std::vector<std::string> sample_texts(const std::vector<std::string>& inputs, uint64_t budget) {
  const io::WalkResult walk = io::walk_inputs(inputs);
  for (const io::FileError& e : walk.errors)
    std::fprintf(stderr, "vnindex adapt: %s: %s\n", text::printable(e.path).c_str(), e.reason.c_str());
  index::AdaptationSample sample = index::sample_for_adaptation(walk.entries, budget, index::IndexOptions{}.max_file_size);
  for (const io::FileError& e : sample.left_out)
    std::fprintf(stderr, "vnindex adapt: %s: %s (left out)\n", text::printable(e.path).c_str(), e.reason.c_str());
  return std::move(sample.texts);
}

std::string percent(double p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, p >= 0.1 ? "%.0f %%" : p >= 0.001 ? "%.1f %%" : "%.2f %%", 100 * p);
  return buf;
}

void print_confusions(const char* title, const std::vector<restore::Confusion>& list) {
  std::printf("%s\n", title);
  for (const restore::Confusion& c : list) {
    const std::string from = text::to_utf8(c.clean);
    const std::string to = c.emitted.empty() ? "(dropped)" : text::to_utf8(c.emitted);
    std::printf("  %s -> %-10s %7s  (shipped %s)\n", from.c_str(), to.c_str(), percent(c.adapted).c_str(),
                percent(c.base).c_str());
  }
}

void explain(const restore::ChannelCounts& base, const restore::ChannelCounts& adapted) {
  print_confusions("letters the OCR damages more often than the shipped channel expects:",
                   restore::learned_confusions(base, adapted));
  print_confusions("whole tokens read as syllables more often than the shipped channel expects:",
                   restore::learned_token_readings(base, adapted));
}

void report_rounds(const restore::AdaptationResult& r) {
  std::fprintf(stderr, "vnindex adapt: %zu texts, %.2f MB\n", r.texts, static_cast<double>(r.bytes) / 1e6);
  for (size_t i = 0; i < r.rounds.size(); ++i) {
    const restore::AdaptationRound& a = r.rounds[i];
    std::fprintf(stderr,
                 "  round %zu: %zu pairs counted, %zu held out; held-out log10 P(ocr | syllable) %+.4f per pair; "
                 "%s of tokens read differently; %.1f s; %s\n",
                 i + 1, a.pairs, a.held_out_pairs, a.gain, percent(a.changed).c_str(), a.seconds,
                 a.kept ? "kept" : "not kept");
  }
  if (r.rounds.empty())
    std::fprintf(stderr, "vnindex adapt: too little text to hold any out (a few KB): the channel is the shipped one\n");
  else if (!r.adapted())
    std::fprintf(stderr, "vnindex adapt: no round helped: the channel is the shipped one\n");
}

// `adapt --db`: the index's channel adapted anew from its originals.
int refresh_index_channel(const AdaptCommand& c) {
  const index::ChannelRefresh r = index::refresh_channel(c.db, c.models, c.stop);
  const index::ChannelAdaptationStats& a = r.adaptation;
  std::fprintf(stderr, "vnindex adapt: %zu indexed originals, %.2f MB, %zu rounds, %.1f s\n", a.texts,
               static_cast<double>(a.bytes) / 1e6, a.rounds, a.seconds);
  if (c.stop && c.stop->requested()) {
    std::fprintf(stderr, "vnindex adapt: stopped: the index's channel is unchanged\n");
    return index::exit_status_for_signal(c.stop->signal());
  }
  if (a.id.empty() || a.id == r.old_id) {
    std::fprintf(stderr, "vnindex adapt: the channel is unchanged%s\n",
                 a.id.empty() ? " (no round helped over the models' own)" : "");
    return 0;
  }
  std::fprintf(stderr,
               "vnindex adapt: the index's channel is now %s (was %s); run vnindex index --force over the same "
               "inputs to restore every document with it\n",
               a.id.substr(0, 16).c_str(), r.old_id.empty() ? "the models' own" : r.old_id.substr(0, 16).c_str());
  if (c.explain) explain(r.old_counts, r.new_counts);
  return 0;
}

}  // namespace

int run_adapt(const AdaptCommand& c) {
  std::optional<tbb::global_control> parallelism;
  if (c.threads) parallelism.emplace(tbb::global_control::max_allowed_parallelism, c.threads);
  if (!c.db.empty()) return refresh_index_channel(c);
  if (c.inputs.empty()) {  // --explain of an existing channel
    explain(restore::read_channel_counts(c.models / "channel.tsv"), restore::read_channel_counts(c.channel));
    return 0;
  }
  const auto base = restore::Restorer::load(c.models, c.options);
  const std::vector<std::string> texts = sample_texts(c.inputs, c.max_bytes);
  if (texts.empty()) {
    std::fprintf(stderr, "vnindex adapt: no readable text in the inputs\n");
    return 1;
  }
  const restore::AdaptationResult r = restore::adapt_channel(*base, texts, c.adaptation);
  report_rounds(r);
  if (!c.out.empty()) {
    io::write_file_atomically(c.out, index::adapted_channel_file(r, index::build_mode_of(true, c.models).models));
    std::fprintf(stderr, "vnindex adapt: wrote %s\n", c.out.c_str());
  }
  if (c.explain) explain(base->channel().counts(), r.counts);
  return 0;
}

}  // namespace vn::indexer
