// Restoration throughput on one core (oneTBB limited to one thread), in syllables (word tokens) per
// second, asking for the confidences the indexer asks for (index::kAlternativesBelow).
// Models: the shipped models/.
//   BM_RestorePages: a fresh restorer, then distinct page-sized documents
//                    one at a time, as `vnindex index` restores them: 2 MB
//                    of bench/make-corpus pages (seed 1, made once into
//                    build/bench/pages-2mb/; $VNARCHIVE_BENCH_PAGES names
//                    another directory of *.txt pages). Most of their
//                    damaged tokens are new to the restorer: the cost of an
//                    archive nobody has indexed before.
//   BM_RestoreCold: the seeds (../shared/seeds, else samples/ocr) as one
//                   text with a fresh restorer per iteration (empty
//                   candidate cache).
//   BM_RestoreWarm: the same text with one restorer throughout: the steady
//                   state where the OCR tokens have been seen before.
#include <benchmark/benchmark.h>
#include <tbb/global_control.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "index/document_builder.hpp"
#include "restore/restorer.hpp"
#include "decode/decode.hpp"
#include "vi/tokenizer.hpp"

namespace fs = std::filesystem;

namespace {

constexpr float kIndexerDetail = vn::index::kAlternativesBelow;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The page directory: $VNARCHIVE_BENCH_PAGES, else 2 MB made by
// bench/make-corpus (needs python3) on first use.
fs::path pages_dir() {
  if (const char* env = std::getenv("VNARCHIVE_BENCH_PAGES"); env && *env) return env;
  const fs::path dir = fs::path(BENCH_BINARY_DIR) / "pages-2mb";
  if (!fs::is_directory(dir)) {
    const std::string cmd = "'" SOURCE_DIR "/bench/make-corpus' --mb 2 --seed 1 --out '" + dir.string() + "' >&2";
    if (std::system(cmd.c_str()) != 0) fs::remove_all(dir);
  }
  return dir;
}

std::vector<std::string> load_pages() {
  std::vector<fs::path> paths;
  if (const fs::path dir = pages_dir(); fs::is_directory(dir))
    for (const auto& e : fs::recursive_directory_iterator(dir))
      if (e.path().extension() == ".txt") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> pages;
  for (const auto& p : paths) pages.push_back(vn::decode::decode_text(slurp(p)).text);
  return pages;
}

std::string load_ocr_text() {
  const fs::path seeds = fs::path(SHARED_DIR) / "seeds";
  const fs::path dir = fs::is_directory(seeds) ? seeds : fs::path(SAMPLES_DIR) / "ocr";
  std::string all;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".txt") all += slurp(e.path()) + "\n";
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

void BM_RestorePages(benchmark::State& state) {
  tbb::global_control one_core(tbb::global_control::max_allowed_parallelism, 1);
  const std::vector<std::string> pages = load_pages();
  if (pages.empty()) {
    state.SkipWithError("no pages: set VNARCHIVE_BENCH_PAGES or install python3 for bench/make-corpus");
    return;
  }
  size_t syllables = 0, bytes = 0;
  for (const auto& p : pages) syllables += word_tokens(p), bytes += p.size();
  for (auto _ : state) {
    state.PauseTiming();
    auto restorer = vn::restore::Restorer::load(vn::restore::default_model_dir());
    state.ResumeTiming();
    for (const auto& p : pages) benchmark::DoNotOptimize(restorer->restore(p, kIndexerDetail));
    state.PauseTiming();
    restorer.reset();
    state.ResumeTiming();
  }
  state.counters["pages/s"] =
      benchmark::Counter(static_cast<double>(pages.size() * state.iterations()), benchmark::Counter::kIsRate);
  report(state, syllables, bytes);
}
BENCHMARK(BM_RestorePages)->Unit(benchmark::kMillisecond);

void BM_RestoreCold(benchmark::State& state) {
  tbb::global_control one_core(tbb::global_control::max_allowed_parallelism, 1);
  const std::string text = load_ocr_text();
  for (auto _ : state) {
    state.PauseTiming();
    auto restorer = vn::restore::Restorer::load(vn::restore::default_model_dir());
    state.ResumeTiming();
    benchmark::DoNotOptimize(restorer->restore(text, kIndexerDetail));
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
  for (auto _ : state) benchmark::DoNotOptimize(restorer->restore(text, kIndexerDetail));
  report(state, word_tokens(text), text.size());
}
BENCHMARK(BM_RestoreWarm)->Unit(benchmark::kMillisecond);

void BM_LoadModels(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(vn::restore::Restorer::load(vn::restore::default_model_dir()));
}
BENCHMARK(BM_LoadModels)->Unit(benchmark::kMillisecond);

}  // namespace
