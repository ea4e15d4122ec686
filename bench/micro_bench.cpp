// Micro benchmarks of the per-document CPU work of the indexer.
// Input: ../shared/seeds when present (real OCR output), else samples/.
// Throughput is reported in bytes of input text per second.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "index/document_builder.hpp"
#include "restore/restorer.hpp"
#include "store/frame_codec.hpp"
#include "store/record.hpp"
#include "vi/terms.hpp"
#include "decode/decode.hpp"
#include "vi/fold.hpp"
#include "vi/tokenizer.hpp"
#include "vi/tone.hpp"

namespace fs = std::filesystem;

namespace {

std::string load_corpus() {
  const fs::path seeds = fs::path(SHARED_DIR) / "seeds";
  const fs::path dir = fs::is_directory(seeds) ? seeds : fs::path(SAMPLES_DIR);
  std::string all;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    all += ss.str();
    all += '\n';
  }
  return vn::decode::decode_text(all).text;
}

const std::string& corpus() {
  static const std::string text = load_corpus();
  return text;
}

void BM_Tokenize(benchmark::State& state) {
  const std::string& text = corpus();
  std::vector<vn::vi::Token> tokens;
  for (auto _ : state) {
    tokens.clear();
    vn::vi::tokenize(text, tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens.size() * state.iterations()),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Tokenize);

void BM_TermsForTokens(benchmark::State& state) {
  const std::string& text = corpus();
  std::vector<vn::vi::Token> tokens;
  vn::vi::tokenize(text, tokens);
  for (auto _ : state) {
    for (const auto& t : tokens) benchmark::DoNotOptimize(vn::vi::terms_for(t.text(text), t.kind));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens.size() * state.iterations()),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TermsForTokens);

void BM_XapianDocument(benchmark::State& state) {
  vn::store::DocumentRecord record;
  record.path = "/bench.txt";
  record.text = corpus();
  for (auto _ : state) benchmark::DoNotOptimize(vn::index::make_xapian_document(record));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * record.text.size()));
}
BENCHMARK(BM_XapianDocument);

// Metadata and citations of one document (the extraction's share of the
// indexer's per-document work: compare with BM_PrepareDocumentNoRestore).
// The tokens are shared with the terms, as in the pipeline.
void BM_ExtractFacts(benchmark::State& state) {
  const auto refs = vn::index::load_reference_lists(vn::restore::default_model_dir());  // as indexing reads them
  vn::store::DocumentRecord record;
  record.text = corpus();
  std::vector<vn::vi::Token> tokens;
  vn::vi::tokenize(record.text, tokens);
  for (auto _ : state) {
    vn::index::extract_document_facts(record, tokens, refs.lists());
    benchmark::DoNotOptimize(record.citations.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * record.text.size()));
}
BENCHMARK(BM_ExtractFacts);

// The same for a restored document: the extractor also reads the OCR text
// where restoration may have lost a value (the place line, a draft marker,
// the signer's name). The restored text stands for itself here.
void BM_ExtractFactsRestored(benchmark::State& state) {
  const auto refs = vn::index::load_reference_lists(vn::restore::default_model_dir());
  vn::store::DocumentRecord record;
  record.text = corpus();
  record.restored = corpus();
  std::vector<vn::vi::Token> tokens;
  vn::vi::tokenize(*record.restored, tokens);
  for (auto _ : state) {
    vn::index::extract_document_facts(record, tokens, refs.lists());
    benchmark::DoNotOptimize(record.citations.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * record.text.size()));
}
BENCHMARK(BM_ExtractFactsRestored);

// The whole parallel stage for one file, without restoration.
void BM_PrepareDocumentNoRestore(benchmark::State& state) {
  const vn::io::SourceEntry source{"/bench.txt", corpus().size(), 0};
  vn::store::FrameCompressor compressor(3, "");
  const auto refs = vn::index::load_reference_lists(vn::restore::default_model_dir());
  for (auto _ : state) {
    vn::io::SourceBytes read{true, corpus(), {}};
    benchmark::DoNotOptimize(vn::index::prepare_document(source, std::move(read), compressor, nullptr, refs.lists()));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus().size()));
}
BENCHMARK(BM_PrepareDocumentNoRestore);

void BM_DecodeNfc(benchmark::State& state) {
  const std::string& text = corpus();
  for (auto _ : state) benchmark::DoNotOptimize(vn::decode::decode_text(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_DecodeNfc);

void BM_CompressRecord(benchmark::State& state) {
  vn::store::DocumentRecord record;
  record.path = "/bench.txt";
  record.text = corpus();
  const std::string json = vn::store::encode_record(record);
  vn::store::FrameCompressor compressor(static_cast<int>(state.range(0)), "");
  size_t out = 0;
  for (auto _ : state) out = compressor.compress(json).size();
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * json.size()));
  state.counters["ratio"] = static_cast<double>(json.size()) / static_cast<double>(out);
}
BENCHMARK(BM_CompressRecord)->Arg(1)->Arg(3)->Arg(9);

void BM_FoldAndCanonicalTone(benchmark::State& state) {
  const std::vector<std::string> words = {"Đảng", "bộ", "tỉnh", "hóa", "thủy", "nghiệp", "người", "quyết", "XIX", "và"};
  for (auto _ : state)
    for (const auto& w : words) benchmark::DoNotOptimize(vn::vi::fold(vn::vi::canonical_tone(w)));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * words.size()));
}
BENCHMARK(BM_FoldAndCanonicalTone);

}  // namespace

BENCHMARK_MAIN();
