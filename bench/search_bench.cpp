// Search latency, in process, on a large index of page documents:
//   BM_SearchLatency: typical queries (words with and without diacritics,
//                     phrases, filters, facets, wildcards, a mistyped word
//                     that only approximate matches answer) against one open
//                     Searcher, each timed; reports p50, p99 and max in ms
//                     over all of them. Query restoration is on, as in
//                     vnsearch, with the models loaded before timing.
//   BM_SearchStartup: what one vnsearch process pays before its first
//                     answer: opening the index, loading the restoration
//                     models, one query.
// The index: $VNARCHIVE_BENCH_INDEX, else build/bench/search-100k, made on
// first use from about 100,000 bench/make-corpus pages (seed 3, 415 MB;
// needs python3) indexed with `vnindex index --no-restore` (the OCR text
// as it is: the term distribution of a large archive, without hours of
// restoration). Making it takes several minutes, once.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "query/searcher.hpp"

namespace fs = std::filesystem;

namespace {

constexpr int kPages = 100000;

fs::path search_index() {
  if (const char* env = std::getenv("VNARCHIVE_BENCH_INDEX"); env && *env) return env;
  const fs::path db = fs::path(BENCH_BINARY_DIR) / "search-100k";
  if (fs::is_directory(db)) return db;
  const fs::path pages = fs::path(BENCH_BINARY_DIR) / "pages-100k";
  // make-corpus pages average about 4.15 KB (seed 3: 395 MB made 95,065).
  const std::string make = "'" SOURCE_DIR "/bench/make-corpus' --mb " + std::to_string(kPages * 4150 / 1000000) +
                           " --seed 3 --out '" + pages.string() + "' >&2";
  const std::string index = "'" VNINDEX_PATH "' index -q --no-restore --db '" + db.string() + "' '" + pages.string() + "' >&2";
  if (std::system(make.c_str()) != 0 || std::system(index.c_str()) != 0) fs::remove_all(db);
  fs::remove_all(pages);
  return db;
}

struct Query {
  std::string text;
  std::vector<std::string> facets;
};

const std::vector<Query>& typical_queries() {
  static const std::vector<Query> queries = {
      {"dang bo tinh", {}},          {"Đảng bộ tỉnh", {}},           {"\"chuyển đổi số\"", {}},
      {"\"nong thon moi\"", {}},     {"kinh te xa hoi", {}},         {"ngân sách nhà nước", {}},
      {"tinh uy lang son", {}},      {"cong tac can bo", {}},        {"chuy*", {}},
      {"dang NEAR tinh", {}},        {"giao duc -dao tao", {}},      {"bao cao year:2024..2025", {}},
      {"ke hoach", {"type", "year"}}, {"nghi quyet", {"issuer"}},    {"y te OR giao duc", {}},
      // One word mistyped: no match, so the page fills with approximate matches.
      {"\"kết quả thực hein\"", {}}, {"ngan sach nha nuoc xyzt", {}},
  };
  return queries;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

void BM_SearchLatency(benchmark::State& state) {
  const fs::path db = search_index();
  if (!fs::is_directory(db)) {
    state.SkipWithError("no index: set VNARCHIVE_BENCH_INDEX or install python3 for bench/make-corpus");
    return;
  }
  vn::query::Searcher searcher(db);
  vn::query::SearchRequest warm;
  warm.query = "dang";
  searcher.search(warm);  // loads the restoration models
  std::vector<double> ms;
  std::vector<std::vector<double>> per_query(typical_queries().size());
  for (auto _ : state) {
    for (size_t i = 0; i < typical_queries().size(); ++i) {
      const Query& q = typical_queries()[i];
      vn::query::SearchRequest req;
      req.query = q.text;
      req.facets = q.facets;
      const auto t0 = std::chrono::steady_clock::now();
      benchmark::DoNotOptimize(searcher.search(req));
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      per_query[i].push_back(ms.back());
    }
  }
  // Which queries make the tail: their medians and maxima, on stderr.
  for (size_t i = 0; i < per_query.size(); ++i) {
    const std::string& text = typical_queries()[i].text;
    const auto shown = std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; });
    std::fprintf(stderr, "  %s%*s p50 %7.2f ms  max %7.2f ms\n", text.c_str(), static_cast<int>(28 - shown), "",
                 percentile(per_query[i], 0.5), percentile(per_query[i], 1.0));
  }
  state.counters["documents"] = static_cast<double>(searcher.document_count());
  state.counters["p50_ms"] = percentile(ms, 0.50);
  state.counters["p99_ms"] = percentile(ms, 0.99);
  state.counters["max_ms"] = percentile(ms, 1.0);
}
BENCHMARK(BM_SearchLatency)->Unit(benchmark::kMillisecond)->Iterations(20);

void BM_SearchStartup(benchmark::State& state) {
  const fs::path db = search_index();
  if (!fs::is_directory(db)) {
    state.SkipWithError("no index");
    return;
  }
  for (auto _ : state) {
    vn::query::Searcher searcher(db);
    vn::query::SearchRequest req;
    req.query = "dang bo tinh";
    benchmark::DoNotOptimize(searcher.search(req));
  }
}
BENCHMARK(BM_SearchStartup)->Unit(benchmark::kMillisecond);

}  // namespace
