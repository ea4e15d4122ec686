#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>
#include <set>
#include <tuple>
#include <vector>

#include "restore/language_model.hpp"
#include "restore/lm_format.hpp"
#include "restore/train/lm_builder.hpp"
#include "test_util.hpp"

using namespace vn::restore;
using Sentences = std::vector<std::vector<WordId>>;

namespace {

// Ids 3..11 are words; 9, 10 and 11 never occur.
constexpr uint32_t kTinyVocab = 12;

Sentences tiny_corpus() {
  return {{3, 4, 5}, {3, 4, 5}, {3, 4, 6}, {3, 4, 5, 7}, {8, 4, 5}, {7, 3, 4},
          {5, 6, 7, 8}, {5, 6, 7}, {4, 5, 6}, {3, 8}, {}, {kUnk, 4, 5}};
}

// Sentences from a random Markov source: big enough for real discounts.
Sentences markov_corpus(uint32_t vocab, size_t sentences, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<uint32_t> any(3, vocab - 1), len(1, 12), pick(0, 9);
  Sentences out;
  for (size_t s = 0; s < sentences; ++s) {
    std::vector<WordId> words;
    WordId w = any(rng);
    const uint32_t n = len(rng);
    for (uint32_t i = 0; i < n; ++i) {
      words.push_back(w);
      // Mostly one of a few favourite successors, sometimes anything.
      w = pick(rng) < 7 ? 3 + (w * 7 + pick(rng) % 3) % (vocab - 3) : any(rng);
    }
    out.push_back(words);
  }
  return out;
}

LanguageModelBuilder builder_for(const Sentences& corpus, uint32_t vocab, uint32_t min_count) {
  LmBuildOptions o;
  o.min_count_top = min_count;
  LanguageModelBuilder b(vocab, o);
  for (const auto& s : corpus) b.add_sentence(s);
  return b;
}

// Histories as sentence prefixes: the state after <s> and these words.
std::vector<std::vector<WordId>> prefixes(uint32_t vocab) {
  std::vector<std::vector<WordId>> out = {{}, {3}, {3, 4}, {4, 5}, {8, 4}, {5, 3}, {9}, {10, 11}, {3, 10},
                                          {kUnk}, {kUnk, 4}, {7, 3, 4, 5}, {5, 6, 7}};
  for (auto& p : out)
    for (auto& w : p) w %= vocab;
  return out;
}

LanguageModel::State state_after(const LanguageModel& lm, const std::vector<WordId>& words) {
  LanguageModel::State s = lm.begin_sentence();
  for (const WordId w : words) lm.score(s, w, s);
  return s;
}

std::vector<WordId> with_bos(const std::vector<WordId>& words) {
  std::vector<WordId> h = {kBos};
  h.insert(h.end(), words.begin(), words.end());
  return h;
}

double file_mass(const LanguageModel& lm, const LanguageModel::State& s) {
  double sum = 0;
  LanguageModel::State out;
  for (WordId w = 0; w < lm.vocab_size(); ++w) sum += std::pow(10.0, lm.score(s, w, out));
  return sum;
}

double estimate_mass(const LmEstimate& e, const std::vector<WordId>& history) {
  double sum = 0;
  for (WordId w = 0; w < e.vocab_size; ++w) sum += std::pow(10.0, e.score(history, w));
  return sum;
}

// A direct, slow implementation of interpolated modified Kneser-Ney with
// KenLM's conventions, to check the builder against.
class ReferenceKn {
 public:
  ReferenceKn(const Sentences& corpus, uint32_t vocab, uint32_t min_count, const LmEstimate& e)
      : vocab_(vocab), min_count_(min_count) {
    for (int i = 0; i < 3; ++i) d_[i] = e.discounts[i];
    std::map<std::pair<WordId, WordId>, std::set<WordId>> left;
    for (auto s : corpus) {
      for (auto& w : s)
        if (w >= vocab || w == kBos || w == kEos) w = kUnk;
      std::vector<WordId> t = {kBos};
      t.insert(t.end(), s.begin(), s.end());
      t.push_back(kEos);
      ++bigram_[{kBos, t[1]}];  // raw count: nothing precedes <s>
      for (size_t i = 2; i < t.size(); ++i) {
        ++trigram_[{t[i - 2], t[i - 1], t[i]}];
        left[{t[i - 1], t[i]}].insert(t[i - 2]);
      }
    }
    for (const auto& [vw, us] : left) bigram_[vw] = static_cast<uint32_t>(us.size());
    for (const auto& [vw, c] : bigram_) ++unigram_[vw.second];
  }

  double p1(WordId w) const {
    double total = 0, gamma = 0;
    for (const auto& [x, a] : unigram_) total += a, gamma += d(0, a);
    const auto it = unigram_.find(w);
    const double a = it == unigram_.end() ? 0 : it->second;
    return (a - d(0, static_cast<uint32_t>(a))) / total + gamma / total / vocab_;
  }

  double p2(WordId v, WordId w) const {
    double total = 0, gamma = 0, a = 0;
    for (const auto& [vw, c] : bigram_) {
      if (vw.first != v) continue;
      total += c, gamma += d(1, c);
      if (vw.second == w) a = c;
    }
    if (total == 0) return p1(w);
    return (a - d(1, static_cast<uint32_t>(a))) / total + gamma / total * p1(w);
  }

  double p3(WordId u, WordId v, WordId w) const {
    double total = 0, gamma = 0, kept = 0;
    for (const auto& [uvw, c] : trigram_) {
      if (std::get<0>(uvw) != u || std::get<1>(uvw) != v) continue;
      total += c;
      gamma += c >= min_count_ ? d(2, c) : c;
      if (std::get<2>(uvw) == w && c >= min_count_) kept = c - d(2, c);
    }
    if (total == 0) return p2(v, w);
    return kept / total + gamma / total * p2(v, w);
  }

  // Trigram counts of counts, for checking the discounts.
  uint64_t trigrams_seen(uint32_t times) const {
    uint64_t n = 0;
    for (const auto& [k, c] : trigram_) n += c == times;
    return n;
  }

 private:
  double d(int order, uint32_t c) const {
    const LmDiscounts& x = d_[order];
    return c == 0 ? 0 : c == 1 ? x.d1 : c == 2 ? x.d2 : x.d3;
  }

  uint32_t vocab_, min_count_;
  LmDiscounts d_[3];
  std::map<std::tuple<WordId, WordId, WordId>, uint32_t> trigram_;
  std::map<std::pair<WordId, WordId>, uint32_t> bigram_;  // adjusted counts
  std::map<WordId, uint32_t> unigram_;                    // continuation counts
};

void expect_matches_reference(const Sentences& corpus, uint32_t vocab, uint32_t min_count) {
  const LmEstimate e = builder_for(corpus, vocab, min_count).estimate();
  const ReferenceKn ref(corpus, vocab, min_count, e);
  for (WordId w = 0; w < vocab; ++w) {
    ASSERT_NEAR(e.score({}, w), std::log10(ref.p1(w)), 1e-5) << w;
    for (WordId v = 0; v < vocab; ++v) {
      ASSERT_NEAR(e.score(std::vector<WordId>{v}, w), std::log10(ref.p2(v, w)), 1e-5) << v << " " << w;
      for (WordId u = 0; u < vocab; ++u)
        ASSERT_NEAR(e.score(std::vector<WordId>{u, v}, w), std::log10(ref.p3(u, v, w)), 1e-5)
            << u << " " << v << " " << w;
    }
  }
}

}  // namespace

TEST(LanguageModelBuilder, MatchesReferenceKneserNey) {
  expect_matches_reference(tiny_corpus(), kTinyVocab, 1);
  expect_matches_reference(tiny_corpus(), kTinyVocab, 2);
  expect_matches_reference(markov_corpus(20, 400, 7), 20, 2);
}

TEST(LanguageModelBuilder, DiscountsFromCountsOfCounts) {
  const Sentences corpus = markov_corpus(30, 3000, 1);
  const LmEstimate e = builder_for(corpus, 30, 2).estimate();
  // Bigrams and trigrams (30 words are too few for unigram counts of counts).
  for (const LmDiscounts& d : {e.discounts[1], e.discounts[2]}) {
    EXPECT_FALSE(d.fallback);
    EXPECT_GT(d.d1, 0);
    EXPECT_LT(d.d1, d.d2);
    EXPECT_LT(d.d2, d.d3);
    EXPECT_LT(d.d3, 3);
  }
  const ReferenceKn ref(corpus, 30, 2, e);
  const double n1 = ref.trigrams_seen(1), n2 = ref.trigrams_seen(2), n3 = ref.trigrams_seen(3);
  const double y = n1 / (n1 + 2 * n2);
  EXPECT_NEAR(e.discounts[2].d1, 1 - 2 * y * n2 / n1, 1e-12);
  EXPECT_NEAR(e.discounts[2].d2, 2 - 3 * y * n3 / n2, 1e-12);
  // The tiny corpus has too few counts: KenLM's fallback discounts.
  const LmEstimate tiny = builder_for(tiny_corpus(), kTinyVocab, 1).estimate();
  EXPECT_TRUE(tiny.discounts[2].fallback);
  EXPECT_EQ(tiny.discounts[2].d1, 0.5);
}

TEST(LanguageModelBuilder, EstimateSumsToOneForSeenAndUnseenHistories) {
  for (const uint32_t min_count : {1u, 2u, 3u}) {
    const LmEstimate e = builder_for(tiny_corpus(), kTinyVocab, min_count).estimate();
    for (const auto& p : prefixes(kTinyVocab)) EXPECT_NEAR(estimate_mass(e, with_bos(p)), 1.0, 1e-5);
    EXPECT_NEAR(estimate_mass(e, {}), 1.0, 1e-5);
  }
  const LmEstimate e = builder_for(markov_corpus(40, 2000, 3), 40, 2).estimate();
  for (WordId u = 0; u < 40; u += 3)
    for (WordId v = 0; v < 40; v += 5) EXPECT_NEAR(estimate_mass(e, {u, v}), 1.0, 1e-5) << u << " " << v;
}

TEST(LanguageModelBuilder, PrunesRareTrigrams) {
  const LmEstimate all = builder_for(tiny_corpus(), kTinyVocab, 1).estimate();
  const LmEstimate pruned = builder_for(tiny_corpus(), kTinyVocab, 2).estimate();
  EXPECT_LT(pruned.trigram_keys.size(), all.trigram_keys.size());
  // (3, 4, 5) is seen 3 times and kept; (3, 4, 6) once and pruned.
  EXPECT_TRUE(std::binary_search(pruned.trigram_keys.begin(), pruned.trigram_keys.end(), lm_key(3, 4, 5)));
  EXPECT_FALSE(std::binary_search(pruned.trigram_keys.begin(), pruned.trigram_keys.end(), lm_key(3, 4, 6)));
  EXPECT_EQ(all.bigram_keys, pruned.bigram_keys);  // lower orders are not pruned
}

TEST(LanguageModel, FileSumsToOneAndMatchesEstimate) {
  vn::test::TempDir dir;
  for (const uint32_t min_count : {1u, 2u}) {
    const LanguageModelBuilder b = builder_for(tiny_corpus(), kTinyVocab, min_count);
    const LmEstimate e = b.estimate();
    b.write(dir / "lm.bin");
    const auto lm = LanguageModel::open(dir / "lm.bin");
    EXPECT_EQ(lm->vocab_size(), kTinyVocab);
    EXPECT_EQ(lm->file_bytes(), std::filesystem::file_size(dir / "lm.bin"));
    for (const auto& p : prefixes(kTinyVocab)) {
      const LanguageModel::State s = state_after(*lm, p);
      EXPECT_NEAR(file_mass(*lm, s), 1.0, 1e-4);
      LanguageModel::State out;
      // Fewer than 256 distinct values: quantisation is exact.
      for (WordId w = 0; w < kTinyVocab; ++w) EXPECT_NEAR(lm->score(s, w, out), e.score(with_bos(p), w), 1e-6);
      EXPECT_EQ(lm->end_sentence(s), lm->score(s, kEos, out));
    }
  }
}

TEST(LanguageModel, QuantisedScoresStayCloseToEstimate) {
  vn::test::TempDir dir;
  const Sentences corpus = markov_corpus(300, 20000, 5);
  const LanguageModelBuilder b = builder_for(corpus, 300, 2);
  const LmEstimate e = b.estimate();
  b.write(dir / "lm.bin");
  const auto lm = LanguageModel::open(dir / "lm.bin");
  double worst = 0, total = 0;
  size_t n = 0;
  for (size_t i = 0; i < 300; ++i) {
    const auto& s = corpus[i];
    LanguageModel::State st = lm->begin_sentence();
    std::vector<WordId> h = {kBos};
    for (const WordId w : s) {
      for (const WordId x : {w, WordId(3 + (w * 13) % 297), kUnk}) {
        LanguageModel::State out;
        const double diff = std::abs(lm->score(st, x, out) - e.score(h, x));
        worst = std::max(worst, diff), total += diff, ++n;
      }
      lm->score(st, w, st);
      h.push_back(w);
    }
  }
  EXPECT_LT(total / static_cast<double>(n), 0.01);
  EXPECT_LT(worst, 0.1);
  for (WordId u = 3; u < 300; u += 37) {
    const LanguageModel::State s = state_after(*lm, {u, WordId(3 + (u * 7) % 297)});
    EXPECT_NEAR(file_mass(*lm, s), 1.0, 0.03);
  }
}

TEST(LanguageModel, FewerQuantisationBitsStillWork) {
  vn::test::TempDir dir;
  const Sentences corpus = markov_corpus(300, 20000, 5);
  LmBuildOptions o;
  o.quant_bits = 4;
  LanguageModelBuilder b(300, o);
  for (const auto& s : corpus) b.add_sentence(s);
  const LmEstimate e = b.estimate();
  b.write(dir / "lm.bin");
  const auto lm = LanguageModel::open(dir / "lm.bin");
  const std::vector<WordId> h = {kBos, corpus[0][0]};
  const auto s = state_after(*lm, {corpus[0][0]});
  LanguageModel::State out;
  for (WordId w = 0; w < 300; w += 7) EXPECT_NEAR(lm->score(s, w, out), e.score(h, w), 0.15) << w;
}

TEST(LanguageModel, WriteFailureNamesTheFile) {
  vn::test::TempDir dir;
  const auto path = dir / "missing-dir" / "lm.bin";
  try {
    builder_for(tiny_corpus(), kTinyVocab, 1).write(path);
    ADD_FAILURE() << "wrote into a missing directory";
  } catch (const std::system_error& e) {
    EXPECT_NE(std::string(e.what()).find("missing-dir"), std::string::npos) << e.what();
  }
}

TEST(LanguageModel, SeenNgramsScoreHigherThanUnseen) {
  vn::test::TempDir dir;
  builder_for(tiny_corpus(), kTinyVocab, 1).write(dir / "lm.bin");
  const auto lm = LanguageModel::open(dir / "lm.bin");
  LanguageModel::State out;
  const auto s34 = state_after(*lm, {3, 4});
  EXPECT_GT(lm->score(s34, 5, out), lm->score(s34, 9, out));
  EXPECT_GT(lm->score(s34, 5, out), lm->score(s34, 7, out));  // (4, 7) never seen either
  const auto s0 = lm->begin_sentence();
  EXPECT_GT(lm->score(s0, 3, out), lm->score(s0, 4, out));  // 3 starts five sentences, 4 none
  EXPECT_GT(lm->score(s0, 4, out), lm->score(s0, 10, out));
}

TEST(LanguageModel, StatesAreMinimal) {
  vn::test::TempDir dir;
  builder_for(tiny_corpus(), kTinyVocab, 1).write(dir / "lm.bin");
  const auto lm = LanguageModel::open(dir / "lm.bin");
  EXPECT_EQ(lm->begin_sentence(), LanguageModel::State{});
  EXPECT_EQ(state_after(*lm, {3, 4}).length, 2);
  EXPECT_EQ(state_after(*lm, {9}).length, 0);  // never seen: nothing follows it
  EXPECT_EQ(state_after(*lm, {9}), state_after(*lm, {3, 10}));
  EXPECT_EQ(state_after(*lm, {9, 4}), state_after(*lm, {10, 4}));
  EXPECT_EQ(state_after(*lm, {9, 4}).length, 1);
}

TEST(LanguageModel, UnknownIdsScoreAsUnk) {
  vn::test::TempDir dir;
  LanguageModelBuilder b = builder_for(tiny_corpus(), kTinyVocab, 1);
  b.add_sentence(std::vector<WordId>{3, 1000, 4});
  b.write(dir / "a.bin");
  LanguageModelBuilder same = builder_for(tiny_corpus(), kTinyVocab, 1);
  same.add_sentence(std::vector<WordId>{3, kUnk, 4});
  same.write(dir / "b.bin");
  EXPECT_EQ(vn::test::read_file(dir / "a.bin"), vn::test::read_file(dir / "b.bin"));

  const auto lm = LanguageModel::open(dir / "a.bin");
  LanguageModel::State a, u;
  const auto s = state_after(*lm, {3});
  const float big = lm->score(s, 0xFFFFFFFFu, a);
  EXPECT_EQ(big, lm->score(s, kUnk, u));
  EXPECT_EQ(a, u);
  EXPECT_TRUE(std::isfinite(big));
  EXPECT_EQ(state_after(*lm, {3, 77777}), state_after(*lm, {3, kUnk}));
}

TEST(LanguageModel, WideVocabulary) {
  vn::test::TempDir dir;
  const uint32_t vocab = 70000;
  Sentences corpus = {{3, 65536, 69999}, {3, 65536, 69999}, {69999, 3}, {40000, 65536}};
  const LanguageModelBuilder b = builder_for(corpus, vocab, 1);
  const LmEstimate e = b.estimate();
  b.write(dir / "lm.bin");
  const auto lm = LanguageModel::open(dir / "lm.bin");
  for (const auto& p : std::vector<std::vector<WordId>>{{}, {3}, {3, 65536}, {69999}, {12345, 40000}}) {
    const auto s = state_after(*lm, p);
    EXPECT_NEAR(file_mass(*lm, s), 1.0, 1e-4);
    LanguageModel::State out;
    for (const WordId w : {3u, 65536u, 69999u, 40000u, kEos, kUnk, 5u})
      EXPECT_NEAR(lm->score(s, w, out), e.score(with_bos(p), w), 1e-6);
  }
}

// Contexts with hundreds of successors: blocks with many buckets, for both
// id widths.
TEST(LanguageModel, LargeBlocksMatchEstimate) {
  for (const uint32_t vocab : {400u, 70000u}) {
    vn::test::TempDir dir;
    const WordId base = vocab > 0xFFFF ? 65000 : 10;
    Sentences corpus;
    for (WordId x = base; x < base + 300; ++x) {
      corpus.push_back({3, 4, x});
      corpus.push_back({3, 4, x});
      corpus.push_back({5, x, 6});
    }
    const LanguageModelBuilder b = builder_for(corpus, vocab, 2);
    const LmEstimate e = b.estimate();
    b.write(dir / "lm.bin");
    const auto lm = LanguageModel::open(dir / "lm.bin");
    for (const auto& p : std::vector<std::vector<WordId>>{{3, 4}, {5}, {4}, {3}}) {
      const auto s = state_after(*lm, p);
      LanguageModel::State out;
      for (WordId w = base - 5; w < base + 305; ++w)
        ASSERT_NEAR(lm->score(s, w, out), e.score(with_bos(p), w), 1e-6) << vocab << " " << w;
      for (const WordId w : {kEos, kUnk, 3u, 4u, 6u}) ASSERT_NEAR(lm->score(s, w, out), e.score(with_bos(p), w), 1e-6);
    }
    EXPECT_EQ(state_after(*lm, {3, 4}).length, 2);
    EXPECT_NEAR(file_mass(*lm, state_after(*lm, {3, 4})), 1.0, 1e-4);
  }
}

TEST(LanguageModel, EmptyModelIsUniform) {
  vn::test::TempDir dir;
  LanguageModelBuilder(100).write(dir / "lm.bin");
  const auto lm = LanguageModel::open(dir / "lm.bin");
  LanguageModel::State out;
  EXPECT_NEAR(lm->score(lm->begin_sentence(), 42, out), -2.0, 1e-6);
  EXPECT_NEAR(lm->end_sentence(lm->begin_sentence()), -2.0, 1e-6);
}

TEST(LanguageModel, SameInputGivesSameBytes) {
  vn::test::TempDir dir;
  const Sentences corpus = markov_corpus(500, 5000, 9);
  builder_for(corpus, 500, 2).write(dir / "a.bin");
  const LanguageModelBuilder b = builder_for(corpus, 500, 2);
  b.write(dir / "b.bin");
  b.write(dir / "b.bin");  // overwrites in place
  EXPECT_EQ(vn::test::read_file(dir / "a.bin"), vn::test::read_file(dir / "b.bin"));
  EXPECT_FALSE(std::filesystem::exists(dir / "b.bin.tmp"));
}

TEST(LanguageModel, RejectsBadFilesNamingThem) {
  vn::test::TempDir dir;
  builder_for(tiny_corpus(), kTinyVocab, 1).write(dir / "good.bin");
  const std::string good = vn::test::read_file(dir / "good.bin");
  const auto expect_error = [&](const std::string& name, const std::string& bytes, const std::string& reason) {
    vn::test::write_file(dir / name, bytes);
    try {
      LanguageModel::open(dir / name);
      ADD_FAILURE() << name << " opened";
    } catch (const std::runtime_error& e) {
      const std::string what = e.what();
      EXPECT_NE(what.find(name), std::string::npos) << what;
      EXPECT_NE(what.find(reason), std::string::npos) << what;
    }
  };
  expect_error("empty.bin", "", "truncated");
  expect_error("short.bin", good.substr(0, 100), "truncated");
  expect_error("cut.bin", good.substr(0, good.size() - 1), "truncated");
  expect_error("long.bin", good + "x", "truncated");
  std::string flipped = good;
  flipped[good.size() - 5] ^= 0x10;
  expect_error("flipped.bin", flipped, "checksum");
  std::string codes = good;
  codes[offsetof(LmHeader, trigram_prob_codes) + 1] ^= 0x01;
  expect_error("codes.bin", codes, "checksum");
  std::string version = good;
  version[offsetof(LmHeader, version)] = 9;
  expect_error("version.bin", version, "unsupported version 9");
  expect_error("text.bin", std::string(5000, 'a'), "not a vnarchive language model");
  EXPECT_THROW(LanguageModel::open(dir / "missing.bin"), std::runtime_error);
}

TEST(LanguageModel, RejectsBadOptions) {
  EXPECT_THROW(LanguageModelBuilder(3), std::invalid_argument);
  EXPECT_THROW(LanguageModelBuilder(100, LmBuildOptions{4, 2, 8}), std::invalid_argument);
  EXPECT_THROW(LanguageModelBuilder(100, LmBuildOptions{3, 2, 9}), std::invalid_argument);
  EXPECT_NO_THROW(LanguageModelBuilder(100, LmBuildOptions{3, 2, 4}));
}
