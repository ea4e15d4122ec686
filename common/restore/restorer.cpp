#include "restore/restorer.hpp"

#include <tbb/enumerable_thread_specific.h>

#include <unordered_map>

#include "restore/candidates.hpp"
#include "restore/channel_model.hpp"
#include "restore/code_repair.hpp"
#include "restore/lexicon.hpp"
#include "restore/sentences.hpp"
#include "store/terms.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

#ifndef VNARCHIVE_MODELS_DIR
#define VNARCHIVE_MODELS_DIR "models"
#endif

namespace vn::restore {

std::filesystem::path default_model_dir() {
  if (const char* env = std::getenv("VNARCHIVE_MODELS"); env && *env) return env;
  return VNARCHIVE_MODELS_DIR;
}

std::string apply_case(std::string_view original, std::u32string_view restored) {
  size_t letters = 0, upper = 0;
  bool first_upper = false;
  for (size_t i = 0; i < original.size();) {
    const char32_t c = text::next_code_point(original, i);
    if (!text::is_letter_or_mark(c)) continue;
    if (text::is_upper(c)) {
      if (letters == 0) first_upper = true;
      ++upper;
    }
    ++letters;
  }
  std::u32string out(restored);
  if (letters >= 2 && upper == letters) {
    for (char32_t& c : out) c = text::upper(c);
  } else if (first_upper && !out.empty()) {
    out[0] = text::upper(out[0]);
  }
  return text::to_utf8(out);
}

namespace {

// True when `original` is `syllable` up to case and tone-mark placement
// ("ỦY" and "uỷ"): the original spelling is then kept.
bool same_word(std::string_view original, std::u32string_view syllable) {
  return store::terms_for(original, vi::TokenKind::kWord).exact == text::to_utf8(syllable);
}

}  // namespace

struct Restorer::Impl {
  RestorerOptions options;
  Lexicon lexicon;
  ChannelModel channel;
  CodeRepair codes;
  std::unique_ptr<LanguageModel> lm;
  std::unique_ptr<CandidateGenerator> generator;
  std::vector<std::u32string> spelling;  // by WordId - kFirstSyllable

  // Per thread, the options of every word token seen: OCR'd archives repeat
  // their tokens, so most lookups hit. Node-based, so references stay valid
  // until the cache is cleared (only between sentences).
  using Cache = std::unordered_map<std::string, std::vector<Option>>;
  mutable tbb::enumerable_thread_specific<Cache> caches;
  static constexpr size_t kMaxCached = 500000;

  const std::vector<Option>& options_for(std::string_view token, vi::TokenKind kind) const {
    static const std::vector<Option> number = {{kNumber, nullptr, 0.0f}}, code = {{kCode, nullptr, 0.0f}};
    if (kind == vi::TokenKind::kNumber) return number;
    if (kind == vi::TokenKind::kCode) return code;
    std::string key = store::terms_for(token, kind).exact;
    key.push_back(kind == vi::TokenKind::kWord ? 'w' : 'm');
    Cache& cache = caches.local();
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    key.pop_back();
    std::vector<Option> opts = build_options(key, kind);
    key.push_back(kind == vi::TokenKind::kWord ? 'w' : 'm');
    return cache.emplace(std::move(key), std::move(opts)).first->second;
  }

  // Candidates, the token itself when it is a lexicon syllable, or else the
  // option of keeping it as it is.
  std::vector<Option> build_options(const std::string& lower_utf8, vi::TokenKind kind) const {
    const std::u32string lower = text::to_u32(lower_utf8);
    std::vector<Option> opts;
    for (const Candidate& c : generator->generate(lower)) opts.push_back({c.id, &spelling[c.id - kFirstSyllable], c.channel});
    const WordId self = kind == vi::TokenKind::kWord ? lexicon.id(lower_utf8) : kUnk;
    if (self == kUnk) opts.push_back({kind == vi::TokenKind::kWord ? kForeign : kCode, nullptr, options.keep_log_prob});
    else if (std::none_of(opts.begin(), opts.end(), [&](const Option& o) { return o.word == self; }))
      opts.push_back({self, &spelling[self - kFirstSyllable], channel.log_prob(lower, lower)});
    std::stable_sort(opts.begin(), opts.end(), [](const Option& a, const Option& b) { return a.channel > b.channel; });
    // Readings the channel alone puts far behind the best one cannot win.
    const float floor = opts.front().channel - options.option_gap;
    while (opts.size() > 1 && opts.back().channel < floor) opts.pop_back();
    return opts;
  }

  void bound_cache() const {
    if (Cache& cache = caches.local(); cache.size() > kMaxCached) cache.clear();
  }
};

Restorer::Restorer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Restorer::~Restorer() = default;

std::unique_ptr<Restorer> Restorer::load(const std::filesystem::path& dir, RestorerOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->lexicon = Lexicon::load(dir / "lexicon.tsv");
  impl->channel = ChannelModel::load(dir / "channel.tsv");
  impl->codes = CodeRepair::load(dir / "code_parts.tsv");
  impl->lm = LanguageModel::open(dir / "lm.bin");
  CandidateGenerator::Options generator_options;
  generator_options.max_candidates = options.candidates;
  impl->generator = std::make_unique<CandidateGenerator>(impl->lexicon, impl->channel, generator_options);
  for (const auto& e : impl->lexicon.entries()) impl->spelling.push_back(text::to_u32(e.syllable));
  return std::unique_ptr<Restorer>(new Restorer(std::move(impl)));
}

RestoredText Restorer::restore(std::string_view input) const {
  std::vector<vi::Token> tokens;
  vi::tokenize(input, tokens);
  RestoredText out;
  out.tokens.resize(tokens.size());
  Lattice lattice;
  for (const auto& [begin, end] : split_sentences(input, tokens)) {
    impl_->bound_cache();
    lattice.clear();
    for (size_t i = begin; i < end; ++i) lattice.push_back(&impl_->options_for(tokens[i].text(input), tokens[i].kind));
    const std::vector<Decision> decisions = decode(*impl_->lm, lattice, impl_->options.decoder);
    for (size_t i = begin; i < end; ++i) {
      const Option& o = (*lattice[i - begin])[decisions[i - begin].option];
      RestoredToken& r = out.tokens[i];
      r.offset = tokens[i].offset;
      r.length = tokens[i].length;
      r.original = std::string(tokens[i].text(input));
      // A code's single option only tells the LM "a code"; its restored form
      // is its case-sensitive repair, which apply_case would damage.
      r.restored = tokens[i].kind == vi::TokenKind::kCode          ? impl_->codes.repair(r.original)
                   : !o.text || same_word(r.original, *o.text) ? r.original
                                                                : apply_case(r.original, *o.text);
      r.confidence = decisions[i - begin].confidence;
    }
  }
  out.text.reserve(input.size() + input.size() / 4);
  size_t cursor = 0;
  for (const RestoredToken& r : out.tokens) {
    out.text.append(input.substr(cursor, r.offset - cursor));
    out.text.append(r.restored);
    cursor = r.offset + r.length;
  }
  out.text.append(input.substr(cursor));
  return out;
}

}  // namespace vn::restore
