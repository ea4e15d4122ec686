// Restoration throughput on one core (oneTBB limited to one thread), in syllables (word tokens) per
// second. Input: ../shared/seeds when present (real OCR), else
// samples/ocr. Models: the shipped models/.
//   BM_RestoreCold: a fresh restorer per iteration (empty candidate cache):
//                   what the first pass over new text costs.
//   BM_RestoreWarm: one restorer throughout: the steady state of a long
//                   run, where most OCR tokens have been seen before.
#include <benchmark/benchmark.h>
#include <tbb/global_control.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "restore/restorer.hpp"
#include "decode/decode.hpp"
#include "vi/tokenizer.hpp"

namespace fs = std::filesystem;

namespace {

std::string load_ocr_text() {
  const fs::path seeds = fs::path(SHARED_DIR) / "seeds";
  const fs::path dir = fs::is_directory(seeds) ? seeds : fs::path(SAMPLES_DIR) / "ocr";
  std::string all;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    all += ss.str() + "\n";
  }
  return vn::decode::decode_text(all).text;
}

size_t word_tokens(const std::string& text) {
  std::vector<vn::vi::Token> tokens;
  vn::vi::tokenize(text, tokens);
  size_t n = 0;
  for (const auto& t : tokens) n += t.kind == vn::vi::TokenKind::kWord || t.kind == vn::vi::TokenKind::kMixed;
  return n;
}

void report(benchmark::State& state, size_t syllables, size_t bytes) {
  state.counters["syllables/s"] =
      benchmark::Counter(static_cast<double>(syllables * state.iterations()), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(bytes * state.iterations()));
}

void BM_RestoreCold(benchmark::State& state) {
  tbb::global_control one_core(tbb::global_control::max_allowed_parallelism, 1);
  const std::string text = load_ocr_text();
  for (auto _ : state) {
    state.PauseTiming();
    auto restorer = vn::restore::Restorer::load(vn::restore::default_model_dir());
    state.ResumeTiming();
    benchmark::DoNotOptimize(restorer->restore(text));
    state.PauseTiming();
    restorer.reset();
    state.ResumeTiming();
  }
  report(state, word_tokens(text), text.size());
}
BENCHMARK(BM_RestoreCold)->Unit(benchmark::kMillisecond);

void BM_RestoreWarm(benchmark::State& state) {
  tbb::global_control one_core(tbb::global_control::max_allowed_parallelism, 1);
  const std::string text = load_ocr_text();
  auto restorer = vn::restore::Restorer::load(vn::restore::default_model_dir());
  restorer->restore(text);  // fill the candidate cache
  for (auto _ : state) benchmark::DoNotOptimize(restorer->restore(text));
  report(state, word_tokens(text), text.size());
}
BENCHMARK(BM_RestoreWarm)->Unit(benchmark::kMillisecond);

void BM_LoadModels(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(vn::restore::Restorer::load(vn::restore::default_model_dir()));
}
BENCHMARK(BM_LoadModels)->Unit(benchmark::kMillisecond);

}  // namespace
