// Benchmarks of the syllable trigram language model: building, opening and
// scoring. The model is built here from synthetic Zipfian text (no
// ../shared needed): a 10k vocabulary, each word followed half the time by
// one of its own Zipf-ranked favourite successors and otherwise by a word
// drawn from the global Zipf distribution, in sentences of 5-40 words.
// VN_LM_BENCH_TOKENS sets the training size (default 35 million tokens,
// the size of the real training corpus).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <vector>

#include "restore/language_model.hpp"
#include "restore/train/lm_builder.hpp"

namespace fs = std::filesystem;
using namespace vn::restore;

namespace {

constexpr uint32_t kVocab = 10000;

// Zipf(s = 1) over ranks 0..n-1, sampled by inverting the CDF.
class Zipf {
 public:
  explicit Zipf(uint32_t n) : cdf_(n) {
    double sum = 0;
    for (uint32_t r = 0; r < n; ++r) cdf_[r] = sum += 1.0 / (r + 1);
    for (double& c : cdf_) c /= sum;
  }
  uint32_t rank(double u) const {
    return static_cast<uint32_t>(std::lower_bound(cdf_.begin(), cdf_.end() - 1, u) - cdf_.begin());
  }

 private:
  std::vector<double> cdf_;
};

// Synthetic sentences of word ids 3..kVocab-1 (id 3 the most frequent).
class SyntheticText {
 public:
  explicit SyntheticText(uint64_t seed) : rng_(seed), words_(kVocab - 3), favourites_(64) {}

  std::vector<WordId> sentence() {
    std::vector<WordId> s(std::uniform_int_distribution<uint32_t>(5, 40)(rng_));
    WordId w = global();
    for (WordId& x : s) {
      x = w;
      w = coin_(rng_) < 0.5 ? favourite(w, favourites_.rank(coin_(rng_))) : global();
    }
    return s;
  }

 private:
  WordId global() { return 3 + words_.rank(coin_(rng_)); }
  // The r-th favourite successor of w: a fixed Zipfian draw per (w, r).
  WordId favourite(WordId w, uint32_t r) const {
    uint64_t h = (uint64_t{w} << 32 | r) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 32;
    return 3 + words_.rank(static_cast<double>(h >> 11) / 9007199254740992.0);
  }

  std::mt19937_64 rng_;
  std::uniform_real_distribution<double> coin_{0.0, 1.0};
  Zipf words_, favourites_;
};

uint64_t training_tokens() {
  const char* env = std::getenv("VN_LM_BENCH_TOKENS");
  return env != nullptr ? std::strtoull(env, nullptr, 10) : 35'000'000;
}

void add_text(LanguageModelBuilder& b, uint64_t tokens, uint64_t seed) {
  SyntheticText text(seed);
  while (b.tokens() < tokens) b.add_sentence(text.sentence());
}

// The benchmark model, built once on first use and removed at exit.
struct BenchModel {
  fs::path path = fs::temp_directory_path() / ("vnarchive-lm-bench-" + std::to_string(::getpid()) + ".bin");
  std::unique_ptr<LanguageModel> lm;
  BenchModel() {
    LanguageModelBuilder b(kVocab);
    add_text(b, training_tokens(), 1);
    const auto t0 = std::chrono::steady_clock::now();
    b.write(path);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    lm = LanguageModel::open(path);
    std::fprintf(stderr, "lm_bench: %llu tokens, estimated and written in %.1f s, %.1f MB\n",
                 static_cast<unsigned long long>(b.tokens()), s, static_cast<double>(lm->file_bytes()) / 1e6);
  }
  ~BenchModel() {
    std::error_code ec;
    fs::remove(path, ec);
  }
};

const BenchModel& model() {
  static const BenchModel m;
  return m;
}

// Held-out text (another seed), as one word stream with sentence ends.
std::vector<std::vector<WordId>> held_out(size_t tokens) {
  SyntheticText text(2);
  std::vector<std::vector<WordId>> out;
  for (size_t n = 0; n < tokens; n += out.back().size()) out.push_back(text.sentence());
  return out;
}

void BM_LmBuild(benchmark::State& state) {
  const uint64_t tokens = static_cast<uint64_t>(state.range(0)) * 1'000'000;
  const fs::path path = fs::temp_directory_path() / ("vnarchive-lm-build-" + std::to_string(::getpid()) + ".bin");
  for (auto _ : state) {
    state.PauseTiming();
    LanguageModelBuilder b(kVocab);
    add_text(b, tokens, 3);
    state.ResumeTiming();
    b.write(path);
  }
  state.counters["MB"] = static_cast<double>(fs::file_size(path)) / 1e6;
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens * state.iterations()), benchmark::Counter::kIsRate);
  fs::remove(path);
}
BENCHMARK(BM_LmBuild)->Arg(4)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_LmOpen(benchmark::State& state) {
  const BenchModel& m = model();
  for (auto _ : state) benchmark::DoNotOptimize(LanguageModel::open(m.path));
  state.counters["MB"] = static_cast<double>(m.lm->file_bytes()) / 1e6;
}
BENCHMARK(BM_LmOpen)->Unit(benchmark::kMillisecond);

// Random queries: states from held-out sentence prefixes, each scoring a
// word drawn from the Zipf distribution; no locality between queries.
void BM_LmScoreRandom(benchmark::State& state) {
  const LanguageModel& lm = *model().lm;
  std::vector<LanguageModel::State> states;
  for (const auto& s : held_out(1 << 16)) {
    LanguageModel::State st = lm.begin_sentence();
    for (const WordId w : s) {
      states.push_back(st);
      lm.score(st, w, st);
    }
  }
  std::shuffle(states.begin(), states.end(), std::mt19937(4));
  SyntheticText text(5);
  std::vector<WordId> words;
  while (words.size() < states.size()) for (const WordId w : text.sentence()) words.push_back(w);
  float sum = 0;
  for (auto _ : state) {
    LanguageModel::State out;
    for (size_t i = 0; i < states.size(); ++i) sum += lm.score(states[i], words[i], out);
  }
  benchmark::DoNotOptimize(sum);
  state.counters["ns/score"] = benchmark::Counter(static_cast<double>(states.size() * state.iterations()),
                                                  benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_LmScoreRandom);

// The decoder's pattern: at each held-out position, score the true word and
// 99 other candidates from the current state, then advance with the true
// word. The candidates are per-position pseudo-random words from the Zipf
// distribution (in a restorer they would be spelling variants).
void BM_LmScoreDecoder(benchmark::State& state) {
  const LanguageModel& lm = *model().lm;
  const auto text = held_out(20000);
  SyntheticText other(6);
  std::vector<WordId> candidates;
  while (candidates.size() < 4096 * 99) for (const WordId w : other.sentence()) candidates.push_back(w);
  size_t scores = 0;
  float sum = 0;
  for (auto _ : state) {
    size_t c = 0;
    for (const auto& s : text) {
      LanguageModel::State st = lm.begin_sentence(), out;
      for (const WordId w : s) {
        if (c + 99 > candidates.size()) c = 0;
        for (int k = 0; k < 99; ++k) sum += lm.score(st, candidates[c + k], out);
        c += 99;
        sum += lm.score(st, w, st);
        scores += 100;
      }
      sum += lm.end_sentence(st);
      ++scores;
    }
  }
  benchmark::DoNotOptimize(sum);
  state.counters["ns/score"] =
      benchmark::Counter(static_cast<double>(scores), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_LmScoreDecoder)->Unit(benchmark::kMillisecond);

}  // namespace
