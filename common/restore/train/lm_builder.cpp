#include "restore/train/lm_builder.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <string_view>

#include "io/atomic_file.hpp"
#include "restore/lm_format.hpp"

namespace vn::restore {
namespace {

constexpr uint64_t kIdMask = (uint64_t{1} << kLmIdBits) - 1;
constexpr uint64_t kBigramMask = (uint64_t{1} << (2 * kLmIdBits)) - 1;

WordId last_word(uint64_t key) { return static_cast<WordId>(key & kIdMask); }
uint64_t context_key(uint64_t key) { return key >> kLmIdBits; }  // the n-gram without its last word

// ---------------------------------------------------------------- counting

// LSD radix sort with 11-bit digits; digits equal in every key are skipped.
void radix_sort(std::vector<uint64_t>& keys) {
  constexpr int kBits = 11;
  constexpr size_t kRadix = size_t{1} << kBits;
  uint64_t any = 0, all = ~uint64_t{0};
  for (const uint64_t k : keys) any |= k, all &= k;
  const uint64_t varying = any ^ all;
  std::vector<uint64_t> tmp(keys.size());
  for (int shift = 0; shift < 64; shift += kBits) {
    if (((varying >> shift) & (kRadix - 1)) == 0) continue;
    std::vector<size_t> start(kRadix + 1, 0);
    for (const uint64_t k : keys) ++start[((k >> shift) & (kRadix - 1)) + 1];
    for (size_t i = 1; i <= kRadix; ++i) start[i] += start[i - 1];
    for (const uint64_t k : keys) tmp[start[(k >> shift) & (kRadix - 1)]++] = k;
    keys.swap(tmp);
  }
}

struct Counted {
  std::vector<uint64_t> keys;  // ascending, distinct
  std::vector<uint32_t> counts;
};

// Distinct keys of a sorted vector and how often each occurs.
Counted count_runs(const std::vector<uint64_t>& sorted) {
  Counted c;
  for (size_t i = 0; i < sorted.size();) {
    size_t j = i + 1;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    c.keys.push_back(sorted[i]);
    c.counts.push_back(static_cast<uint32_t>(j - i));
    i = j;
  }
  return c;
}

// Chen & Goodman's estimates from the numbers of n-grams seen 1..4 times.
LmDiscounts discounts_from(const uint64_t (&n)[5]) {
  LmDiscounts d;
  if (n[1] == 0 || n[2] == 0 || n[3] == 0 || n[4] == 0) return d;
  const double n1 = static_cast<double>(n[1]), n2 = static_cast<double>(n[2]);
  const double n3 = static_cast<double>(n[3]), n4 = static_cast<double>(n[4]);
  const double y = n1 / (n1 + 2 * n2);
  const double d1 = 1 - 2 * y * n2 / n1, d2 = 2 - 3 * y * n3 / n2, d3 = 3 - 4 * y * n4 / n3;
  if (!(d1 > 0 && d1 < 1 && d2 > 0 && d2 < 2 && d3 > 0 && d3 < 3)) return d;
  return {d1, d2, d3, false};
}

template <class Counts>
LmDiscounts discounts_of(const Counts& counts) {
  uint64_t n[5] = {};
  for (const uint32_t c : counts)
    if (c >= 1 && c <= 4) ++n[c];
  return discounts_from(n);
}

double discount(const LmDiscounts& d, uint32_t count) {
  return count == 0 ? 0 : count == 1 ? d.d1 : count == 2 ? d.d2 : d.d3;
}

// The bigrams of a sentence-start: (<s>, w) with raw counts, then every
// other bigram with its continuation count (distinct words before it).
Counted bigram_counts(const Counted& trigrams, const std::vector<uint32_t>& starts) {
  std::vector<uint64_t> suffixes;
  suffixes.reserve(trigrams.keys.size());
  for (const uint64_t k : trigrams.keys) suffixes.push_back(k & kBigramMask);
  radix_sort(suffixes);
  Counted continuation = count_runs(suffixes);
  suffixes = {};
  // No trigram has <s> in the middle, so the (<s>, w) keys sort first.
  Counted all;
  for (WordId w = 0; w < starts.size(); ++w) {
    if (starts[w] == 0) continue;
    all.keys.push_back(lm_key(kBos, w));
    all.counts.push_back(starts[w]);
  }
  all.keys.insert(all.keys.end(), continuation.keys.begin(), continuation.keys.end());
  all.counts.insert(all.counts.end(), continuation.counts.begin(), continuation.counts.end());
  return all;
}

// -------------------------------------------------------------- estimation

// Unigram level: continuation counts, interpolated with uniform.
void estimate_unigrams(const std::vector<uint32_t>& adjusted, LmEstimate& e) {
  const LmDiscounts& d = e.discounts[0];
  double total = 0, discounted = 0;
  for (const uint32_t a : adjusted) total += a, discounted += discount(d, a);
  const double uniform = 1.0 / e.vocab_size;
  e.unigram_prob.resize(e.vocab_size);
  for (WordId w = 0; w < e.vocab_size; ++w) {
    const double p = total == 0 ? uniform
                                : (adjusted[w] - discount(d, adjusted[w])) / total + discounted / total * uniform;
    e.unigram_prob[w] = static_cast<float>(std::log10(p));
  }
}

// Bigram level, context by context; sets the unigram backoffs.
void estimate_bigrams(const Counted& bigrams, LmEstimate& e) {
  const LmDiscounts& d = e.discounts[1];
  e.unigram_backoff.assign(e.vocab_size, 0.0f);
  e.bigram_keys = bigrams.keys;
  e.bigram_prob.resize(bigrams.keys.size());
  e.bigram_backoff.assign(bigrams.keys.size(), 0.0f);
  for (size_t i = 0; i < bigrams.keys.size();) {
    const uint64_t v = context_key(bigrams.keys[i]);
    size_t j = i;
    double total = 0, discounted = 0;
    for (; j < bigrams.keys.size() && context_key(bigrams.keys[j]) == v; ++j) {
      total += bigrams.counts[j];
      discounted += discount(d, bigrams.counts[j]);
    }
    const double gamma = discounted / total;
    e.unigram_backoff[v] = static_cast<float>(std::log10(gamma));
    for (size_t k = i; k < j; ++k) {
      const double lower = std::pow(10.0, e.unigram_prob[last_word(bigrams.keys[k])]);
      const double p = (bigrams.counts[k] - discount(d, bigrams.counts[k])) / total + gamma * lower;
      e.bigram_prob[k] = static_cast<float>(std::log10(p));
    }
    i = j;
  }
}

size_t index_of(const std::vector<uint64_t>& keys, uint64_t key) {
  return static_cast<size_t>(std::lower_bound(keys.begin(), keys.end(), key) - keys.begin());
}

// Trigram level, context by context: pruned trigrams' counts go to the
// context's interpolation weight. Sets the bigram backoffs.
void estimate_trigrams(const Counted& trigrams, uint32_t min_count, LmEstimate& e) {
  const LmDiscounts& d = e.discounts[2];
  for (size_t i = 0; i < trigrams.keys.size();) {
    const uint64_t uv = context_key(trigrams.keys[i]);
    size_t j = i;
    double total = 0, to_lower = 0;
    bool kept = false;
    for (; j < trigrams.keys.size() && context_key(trigrams.keys[j]) == uv; ++j) {
      const uint32_t c = trigrams.counts[j];
      total += c;
      to_lower += c >= min_count ? discount(d, c) : c;
      kept = kept || c >= min_count;
    }
    if (kept) {
      const double gamma = to_lower / total;
      e.bigram_backoff[index_of(e.bigram_keys, uv)] = static_cast<float>(std::log10(gamma));
      const uint64_t v = uv & kIdMask;
      for (size_t k = i; k < j; ++k) {
        const uint32_t c = trigrams.counts[k];
        if (c < min_count) continue;
        const size_t b = index_of(e.bigram_keys, lm_key(static_cast<WordId>(v), last_word(trigrams.keys[k])));
        const double p = (c - discount(d, c)) / total + gamma * std::pow(10.0, e.bigram_prob[b]);
        e.trigram_keys.push_back(trigrams.keys[k]);
        e.trigram_prob.push_back(static_cast<float>(std::log10(p)));
      }
    }
    i = j;
  }
}

// A trigram context: bigram index and its kept trigrams [begin, end).
struct Context {
  uint32_t bigram;
  uint32_t slot;  // of the bigram in the bigram level
  uint64_t begin, end;
  uint8_t backoff_code;
};

std::vector<Context> contexts_of(const LmEstimate& e) {
  std::vector<Context> out;
  size_t b = 0;
  for (size_t i = 0; i < e.trigram_keys.size();) {
    const uint64_t uv = context_key(e.trigram_keys[i]);
    size_t j = i;
    while (j < e.trigram_keys.size() && context_key(e.trigram_keys[j]) == uv) ++j;
    while (e.bigram_keys[b] < uv) ++b;  // both ascend; the bigram exists
    out.push_back({static_cast<uint32_t>(b), 0, i, j, 0});
    i = j;
  }
  return out;
}

// ------------------------------------------------------------ quantisation

// A codebook for log10 probabilities or backoffs. Half the codes are a
// uniform grid over [-2, 0] (p >= 0.01: error <= 0.008, under 2 %), so the
// likely n-grams, which carry most of each context's mass and most of the
// decoder's queries, stay accurate; the other half are a 1-D k-means
// (Lloyd's algorithm started from equal-population bins) over the values
// below -2. Values with few distinct levels keep them exactly.
class Codebook {
 public:
  static constexpr float kGridRange = 2;

  Codebook(std::vector<float> values, size_t size) {
    std::sort(values.begin(), values.end());
    std::vector<float> distinct = values;
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    if (distinct.size() <= size) {
      centres_ = std::move(distinct);
    } else {
      const size_t grid = size / 2;
      for (size_t g = 0; g < grid; ++g)
        centres_.push_back(-kGridRange * static_cast<float>(g) / static_cast<float>(std::max<size_t>(grid - 1, 1)));
      values.erase(std::lower_bound(values.begin(), values.end(), -kGridRange), values.end());
      const std::vector<float> low = k_means(values, size - grid);
      centres_.insert(centres_.end(), low.begin(), low.end());
      std::sort(centres_.begin(), centres_.end());
    }
    if (centres_.empty()) centres_.push_back(0.0f);
  }

  uint8_t encode(float x) const {
    const auto it = std::lower_bound(centres_.begin(), centres_.end(), x);
    if (it == centres_.end()) return static_cast<uint8_t>(centres_.size() - 1);
    if (it == centres_.begin()) return 0;
    const size_t i = static_cast<size_t>(it - centres_.begin());
    return static_cast<uint8_t>(x - centres_[i - 1] <= centres_[i] - x ? i - 1 : i);
  }

  float value(size_t code) const { return centres_[std::min(code, centres_.size() - 1)]; }

  // The codebook as the header stores it: unused entries repeat the last.
  void store(float (&out)[kLmCodebookSize]) const {
    for (size_t i = 0; i < kLmCodebookSize; ++i) out[i] = value(i);
  }

 private:
  // `size` centres for sorted values (their distinct values when few).
  static std::vector<float> k_means(const std::vector<float>& sorted, size_t size) {
    std::vector<float> c = sorted;
    c.erase(std::unique(c.begin(), c.end()), c.end());
    if (c.size() <= size) return c;
    c.clear();
    for (size_t b = 0; b < size; ++b) {  // equal-population bins
      const size_t lo = sorted.size() * b / size, hi = sorted.size() * (b + 1) / size;
      double sum = 0;
      for (size_t i = lo; i < hi; ++i) sum += sorted[i];
      c.push_back(static_cast<float>(sum / static_cast<double>(hi - lo)));
    }
    for (int round = 0; round < 12; ++round) lloyd_step(sorted, c);
    return c;
  }

  // Each sorted value joins the nearest centre; centres move to their means.
  static void lloyd_step(const std::vector<float>& sorted, std::vector<float>& centres) {
    std::vector<double> sum(centres.size(), 0);
    std::vector<size_t> n(centres.size(), 0);
    size_t c = 0;
    for (const float x : sorted) {
      while (c + 1 < centres.size() && centres[c + 1] - x < x - centres[c]) ++c;
      sum[c] += x;
      ++n[c];
    }
    for (size_t i = 0; i < centres.size(); ++i)
      if (n[i] > 0) centres[i] = static_cast<float>(sum[i] / static_cast<double>(n[i]));
    std::sort(centres.begin(), centres.end());
  }

  std::vector<float> centres_;
};

// The probabilities and backoffs as the file stores them: codebook indices
// for bigram and trigram probs and for bigram contexts' backoffs (unigram
// probs and backoffs stay floats). Backoffs are not recomputed after
// quantisation: renormalising each context from its quantised probs was
// measured to move scores further from the estimate (held-out RMS 0.017 vs
// 0.0065 log10) for a small gain in normalisation.
struct Quantised {
  Codebook bigram_book, trigram_book, backoff_book;
  std::vector<uint8_t> bigram_codes, trigram_codes;  // parallel to the estimate's keys
  std::vector<uint8_t> context_codes;                // parallel to the contexts
};

std::vector<uint8_t> encode_all(const Codebook& book, const std::vector<float>& values) {
  std::vector<uint8_t> codes(values.size());
  for (size_t i = 0; i < values.size(); ++i) codes[i] = book.encode(values[i]);
  return codes;
}

Quantised quantise(const LmEstimate& e, const std::vector<Context>& contexts, size_t codes) {
  std::vector<float> backoffs;
  for (const Context& c : contexts) backoffs.push_back(e.bigram_backoff[c.bigram]);
  Quantised q{Codebook(e.bigram_prob, codes), Codebook(e.trigram_prob, codes), Codebook(backoffs, codes), {}, {}, {}};
  q.bigram_codes = encode_all(q.bigram_book, e.bigram_prob);
  q.trigram_codes = encode_all(q.trigram_book, e.trigram_prob);
  q.context_codes = encode_all(q.backoff_book, backoffs);
  return q;
}

// ------------------------------------------------------------------ layout

// One level's slots (bigram or trigram), built block by block.
struct Level {
  std::vector<uint32_t> ids;
  std::vector<uint8_t> probs;

  // Appends the block of `words` (ascending) with their prob codes;
  // `header` is the header slot's prob byte. Writes each entry's slot to
  // `slots` when given. Returns the block's first slot.
  uint32_t add_block(std::span<const WordId> words, std::span<const uint8_t> codes, uint8_t header,
                     uint32_t* slots = nullptr) {
    const uint32_t begin = static_cast<uint32_t>(ids.size());
    if (words.empty()) return begin;
    const uint32_t n = static_cast<uint32_t>(words.size());
    const uint32_t buckets = lm_buckets_for(n);
    std::vector<uint32_t> start(buckets + 1, 0);
    for (const WordId w : words) ++start[lm_bucket(w, buckets) + 1];
    for (uint32_t b = 1; b <= buckets; ++b) start[b] += start[b - 1];
    ids.push_back(buckets);
    probs.push_back(header);
    for (uint32_t b = 1; b < buckets; ++b) {
      ids.push_back(start[b]);
      probs.push_back(0);
    }
    const uint32_t first = static_cast<uint32_t>(ids.size());
    ids.resize(first + n);
    probs.resize(first + n);
    for (uint32_t i = 0; i < n; ++i) {  // stable: ids stay ascending within a bucket
      const uint32_t slot = first + start[lm_bucket(words[i], buckets)]++;
      ids[slot] = words[i];
      probs[slot] = codes[i];
      if (slots != nullptr) slots[i] = slot;
    }
    return begin;
  }
};

template <class T>
void append_bytes(std::vector<unsigned char>& file, const T* data, size_t count) {
  const auto* p = reinterpret_cast<const unsigned char*>(data);
  file.insert(file.end(), p, p + count * sizeof(T));
}

// Appends a section at the next 64-byte boundary and records it.
template <class T>
void add_section(std::vector<unsigned char>& file, LmHeader& h, LmSection s, const std::vector<T>& data) {
  file.resize((file.size() + 63) / 64 * 64, 0);
  h.sections[s] = {file.size(), data.size() * sizeof(T)};
  append_bytes(file, data.data(), data.size());
}

// Ids as the header's id width, with kLmIdPadding zero slots after them.
void add_ids(std::vector<unsigned char>& file, LmHeader& h, LmSection s, std::vector<uint32_t> ids) {
  ids.resize(ids.size() + kLmIdPadding, 0);
  if (h.id_bytes == 4) return add_section(file, h, s, ids);
  add_section(file, h, s, std::vector<uint16_t>(ids.begin(), ids.end()));
}

// The sections of a file, before they are written out.
struct Layout {
  std::vector<LmUnigram> unigrams;
  Level bigrams;
  std::vector<LmRankBlock> ranks;
  std::vector<uint32_t> context_begins;
  Level trigrams;
};

// Unigrams and the bigram level, one block per first word. Returns the
// slot of each bigram.
std::vector<uint32_t> lay_out_bigrams(const LmEstimate& e, const Quantised& q, Layout& l) {
  std::vector<uint32_t> slots(e.bigram_keys.size());
  std::vector<WordId> words;
  std::vector<uint8_t> codes;
  l.unigrams.resize(e.vocab_size + 1);
  size_t i = 0;
  for (WordId v = 0; v < e.vocab_size; ++v) {
    words.clear();
    codes.clear();
    const size_t first = i;
    for (; i < e.bigram_keys.size() && context_key(e.bigram_keys[i]) == v; ++i) {
      words.push_back(last_word(e.bigram_keys[i]));
      codes.push_back(q.bigram_codes[i]);
    }
    const uint32_t begin = l.bigrams.add_block(words, codes, 0, slots.data() + first);
    l.unigrams[v] = {e.unigram_prob[v], e.unigram_backoff[v], begin};
  }
  l.unigrams[e.vocab_size] = {0, 0, static_cast<uint32_t>(l.bigrams.ids.size())};
  return slots;
}

// The rank bits and the trigram level. Contexts are numbered in the order
// of their bigrams' slots, so that a context's number is its slot's rank.
void lay_out_trigrams(const LmEstimate& e, const Quantised& q, std::vector<Context> contexts,
                      const std::vector<uint32_t>& bigram_slots, Layout& l) {
  for (size_t k = 0; k < contexts.size(); ++k) {
    contexts[k].slot = bigram_slots[contexts[k].bigram];
    contexts[k].backoff_code = q.context_codes[k];
  }
  std::sort(contexts.begin(), contexts.end(), [](const Context& a, const Context& b) { return a.slot < b.slot; });
  l.ranks.assign(l.bigrams.ids.size() / 64 + 1, LmRankBlock{0, 0});
  for (const Context& c : contexts) l.ranks[c.slot / 64].bits |= uint64_t{1} << (c.slot % 64);
  for (size_t b = 1; b < l.ranks.size(); ++b)
    l.ranks[b].before = l.ranks[b - 1].before + static_cast<uint64_t>(std::popcount(l.ranks[b - 1].bits));

  std::vector<WordId> words;
  std::vector<uint8_t> codes;
  for (const Context& c : contexts) {
    words.clear();
    codes.clear();
    for (uint64_t t = c.begin; t < c.end; ++t) {
      words.push_back(last_word(e.trigram_keys[t]));
      codes.push_back(q.trigram_codes[t]);
    }
    l.context_begins.push_back(l.trigrams.add_block(words, codes, c.backoff_code));
  }
  l.context_begins.push_back(static_cast<uint32_t>(l.trigrams.ids.size()));
}

LmHeader header_for(const LmEstimate& e, const Quantised& q, const Layout& l, int quant_bits) {
  LmHeader h;
  std::memset(&h, 0, sizeof h);
  std::memcpy(h.magic, kLmMagic, sizeof kLmMagic);
  h.version = kLmVersion;
  h.order = 3;
  h.vocab_size = e.vocab_size;
  h.id_bytes = e.vocab_size <= 0xFFFF ? 2 : 4;
  h.quant_bits = static_cast<uint32_t>(quant_bits);
  h.bigram_count = e.bigram_keys.size();
  h.trigram_count = e.trigram_keys.size();
  h.bigram_slots = l.bigrams.ids.size();
  h.context_count = l.context_begins.size() - 1;
  h.trigram_slots = l.trigrams.ids.size();
  q.bigram_book.store(h.bigram_prob_codes);
  q.trigram_book.store(h.trigram_prob_codes);
  q.backoff_book.store(h.backoff_codes);
  return h;
}

// Where `key` is in `keys`, as a pointer into the parallel `values`.
const float* find_prob(const std::vector<uint64_t>& keys, const std::vector<float>& values, uint64_t key) {
  const auto it = std::lower_bound(keys.begin(), keys.end(), key);
  return it != keys.end() && *it == key ? &values[static_cast<size_t>(it - keys.begin())] : nullptr;
}

}  // namespace

// ----------------------------------------------------------------- builder

LanguageModelBuilder::LanguageModelBuilder(uint32_t vocab_size, LmBuildOptions options)
    : vocab_size_(vocab_size), options_(options) {
  if (vocab_size < 4 || vocab_size > kLmMaxVocab)
    throw std::invalid_argument("language model vocab_size must be in 4..2^21");
  if (options.order != 3) throw std::invalid_argument("language model order must be 3");
  if (options.quant_bits < 1 || options.quant_bits > 8)
    throw std::invalid_argument("language model quant_bits must be in 1..8");
  options_.min_count_top = std::max<uint32_t>(options.min_count_top, 1);
}

void LanguageModelBuilder::add_sentence(std::span<const WordId> words) {
  for (const WordId w : words) stream_.push_back(w >= vocab_size_ || w == kBos || w == kEos ? kUnk : w);
  stream_.push_back(kEos);
  ++sentences_;
}

LmEstimate LanguageModelBuilder::estimate() const {
  // Trigram occurrences, and how often each word starts a sentence.
  std::vector<uint64_t> occurrences;
  occurrences.reserve(stream_.size());
  std::vector<uint32_t> starts(vocab_size_, 0);
  WordId before = kBos, last = kBos;
  bool at_start = true;
  for (const WordId w : stream_) {
    if (at_start) {
      ++starts[w];
    } else {
      occurrences.push_back(lm_key(before, last, w));
    }
    before = last;
    last = w;
    at_start = w == kEos;
    if (at_start) last = kBos;
  }
  radix_sort(occurrences);
  const Counted trigrams = count_runs(occurrences);
  occurrences = {};

  const Counted bigrams = bigram_counts(trigrams, starts);
  std::vector<uint32_t> unigrams(vocab_size_, 0);  // continuation counts
  for (const uint64_t k : bigrams.keys) ++unigrams[last_word(k)];

  LmEstimate e;
  e.vocab_size = vocab_size_;
  e.discounts[0] = discounts_of(unigrams);
  e.discounts[1] = discounts_of(bigrams.counts);
  e.discounts[2] = discounts_of(trigrams.counts);
  estimate_unigrams(unigrams, e);
  estimate_bigrams(bigrams, e);
  estimate_trigrams(trigrams, options_.min_count_top, e);
  return e;
}

void LanguageModelBuilder::write(const std::filesystem::path& path) const {
  const std::vector<unsigned char> bytes = serialize_language_model(estimate(), options_.quant_bits);
  io::write_file_atomically(path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

float LmEstimate::score(std::span<const WordId> history, WordId word) const {
  const auto known = [&](WordId w) { return w < vocab_size ? w : kUnk; };
  word = known(word);
  const size_t n = history.size();
  float backoff = 0;
  if (n >= 2) {
    const WordId u = known(history[n - 2]), v = known(history[n - 1]);
    if (const float* p = find_prob(trigram_keys, trigram_prob, lm_key(u, v, word))) return *p;
    if (const float* b = find_prob(bigram_keys, bigram_backoff, lm_key(u, v))) backoff += *b;
  }
  if (n >= 1) {
    const WordId v = known(history[n - 1]);
    if (const float* p = find_prob(bigram_keys, bigram_prob, lm_key(v, word))) return backoff + *p;
    backoff += unigram_backoff[v];
  }
  return backoff + unigram_prob[word];
}

std::vector<unsigned char> serialize_language_model(const LmEstimate& e, int quant_bits) {
  const std::vector<Context> contexts = contexts_of(e);
  const Quantised q = quantise(e, contexts, size_t{1} << quant_bits);
  Layout l;
  lay_out_trigrams(e, q, contexts, lay_out_bigrams(e, q, l), l);
  if (l.bigrams.ids.size() >= (uint64_t{1} << 32) || l.trigrams.ids.size() >= (uint64_t{1} << 32))
    throw std::length_error("language model too large for 32-bit slots");

  LmHeader h = header_for(e, q, l, quant_bits);
  std::vector<unsigned char> file(sizeof h, 0);
  add_section(file, h, kLmUnigrams, l.unigrams);
  add_ids(file, h, kLmBigramIds, l.bigrams.ids);
  add_section(file, h, kLmBigramProbs, l.bigrams.probs);
  add_section(file, h, kLmBigramRanks, l.ranks);
  add_section(file, h, kLmContextBegins, l.context_begins);
  add_ids(file, h, kLmTrigramIds, l.trigrams.ids);
  add_section(file, h, kLmTrigramProbs, l.trigrams.probs);
  h.file_bytes = file.size();
  std::memcpy(file.data(), &h, sizeof h);
  h.checksum = lm_checksum(file.data(), file.size());
  std::memcpy(file.data(), &h, sizeof h);
  return file;
}

}  // namespace vn::restore
