#include "restore/language_model.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <bit>
#include <span>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <stdexcept>
#include <string>

#include "restore/lm_format.hpp"

namespace vn::restore {

namespace {

constexpr uint32_t kNone = ~0u;

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& why) {
  throw std::runtime_error("language model " + path.string() + ": " + why);
}

// Bit i set when ids[i] == word, for the 16 ids from `ids` (the id
// sections are padded so that this may read past the last block).
inline uint32_t match16(const uint16_t* ids, WordId word) {
#if defined(__SSE2__)
  const __m128i w = _mm_set1_epi16(static_cast<short>(word));
  const __m128i a = _mm_cmpeq_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(ids)), w);
  const __m128i b = _mm_cmpeq_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(ids + 8)), w);
  return static_cast<uint32_t>(_mm_movemask_epi8(_mm_packs_epi16(a, b)));
#else
  uint32_t m = 0;
  for (int i = 0; i < 16; ++i) m |= uint32_t{ids[i] == word} << i;
  return m;
#endif
}

inline uint32_t match16(const uint32_t* ids, WordId word) {
#if defined(__SSE2__)
  const __m128i w = _mm_set1_epi32(static_cast<int>(word));
  uint32_t m = 0;
  for (int i = 0; i < 4; ++i) {
    const __m128i eq = _mm_cmpeq_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(ids + 4 * i)), w);
    m |= static_cast<uint32_t>(_mm_movemask_ps(_mm_castsi128_ps(eq))) << (4 * i);
  }
  return m;
#else
  uint32_t m = 0;
  for (int i = 0; i < 16; ++i) m |= uint32_t{ids[i] == word} << i;
  return m;
#endif
}

// std::popcount without a libgcc call when the target lacks POPCNT.
inline int popcount64(uint64_t x) {
#if defined(__POPCNT__)
  return std::popcount(x);
#else
  x -= (x >> 1) & 0x5555555555555555ull;
  x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
  return static_cast<int>((x * 0x0101010101010101ull) >> 56);
#endif
}

// The slot of `word` in the block [begin, end) of a level, or kNone.
// Prefetches the prob byte of the bucket (and `also`, indexed alike) so
// that those loads overlap with the id comparison.
template <class Id>
inline uint32_t find_in_block(const Id* ids, uint32_t begin, uint32_t end, WordId word, const uint8_t* probs,
                              const LmRankBlock* also = nullptr) {
  if (begin == end) return kNone;
  const uint32_t buckets = ids[begin];
  uint32_t lo = begin + buckets;
  uint32_t hi = end;
  if (buckets > 1) {
    const uint32_t first = lo;
    const uint32_t b = lm_bucket(word, buckets);
    if (b > 0) lo = first + ids[begin + b];
    if (b + 1 < buckets) hi = first + ids[begin + b + 1];
  }
  __builtin_prefetch(probs + lo);
  if (also != nullptr) __builtin_prefetch(also + lo / 64);
  // Buckets hold kLmBucketTarget ids on average and rarely more than 16.
  for (; lo < hi; lo += 16) {
    uint32_t m = match16(ids + lo, word);
    if (hi - lo < 16) m &= (1u << (hi - lo)) - 1;
    if (m != 0) return lo + static_cast<uint32_t>(std::countr_zero(m));
  }
  return kNone;
}

// The section's bytes must be exactly `expected`; returns its start.
const unsigned char* section(const LmHeader& h, const unsigned char* base, LmSection s, uint64_t expected,
                             const std::filesystem::path& path) {
  const LmSectionRef& ref = h.sections[s];
  if (ref.bytes != expected || ref.offset % 64 != 0 || ref.offset < sizeof(LmHeader) ||
      ref.offset > h.file_bytes || ref.bytes > h.file_bytes - ref.offset)
    fail(path, "damaged section table (section " + std::to_string(s) + ")");
  return base + ref.offset;
}

// Checks everything the header claims that open() relies on.
void check_header(const LmHeader& h, size_t size, const std::filesystem::path& path) {
  if (std::memcmp(h.magic, kLmMagic, sizeof kLmMagic) != 0) fail(path, "not a vnarchive language model");
  if (h.version != kLmVersion)
    fail(path, "unsupported version " + std::to_string(h.version) + " (expected " + std::to_string(kLmVersion) + ")");
  if (h.file_bytes != size)
    fail(path, "truncated or damaged: header says " + std::to_string(h.file_bytes) + " bytes, file has " +
                   std::to_string(size));
  const uint32_t id_bytes = h.vocab_size <= 0xFFFF ? 2 : 4;
  if (h.order != 3 || h.vocab_size < 4 || h.vocab_size > kLmMaxVocab || h.id_bytes != id_bytes ||
      h.quant_bits < 1 || h.quant_bits > 8 || h.bigram_slots >= (uint64_t{1} << 32) ||
      h.trigram_slots >= (uint64_t{1} << 32) || h.context_count >= (uint64_t{1} << 32))
    fail(path, "damaged header");
}

}  // namespace

LanguageModel::~LanguageModel() {
  if (base_ != nullptr) ::munmap(const_cast<unsigned char*>(base_), bytes_);
}

std::unique_ptr<LanguageModel> LanguageModel::open(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail(path, std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    fail(path, std::strerror(err));
  }
  const size_t size = static_cast<size_t>(st.st_size);
  if (size < sizeof(LmHeader)) {
    ::close(fd);
    fail(path, "truncated: " + std::to_string(size) + " bytes is smaller than the header");
  }
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_SHARED | MAP_POPULATE, fd, 0);
  const int err = errno;
  ::close(fd);
  if (map == MAP_FAILED) fail(path, std::string("cannot map: ") + std::strerror(err));

  std::unique_ptr<LanguageModel> lm(new LanguageModel());
  lm->base_ = static_cast<const unsigned char*>(map);
  lm->bytes_ = size;
  const auto& h = *reinterpret_cast<const LmHeader*>(lm->base_);
  check_header(h, size, path);
  if (lm_checksum(lm->base_, size) != h.checksum) fail(path, "checksum mismatch (corrupt file)");

  const uint64_t v = h.vocab_size, s2 = h.bigram_slots, s3 = h.trigram_slots, k = h.context_count;
  const unsigned char* b = lm->base_;
  lm->vocab_size_ = h.vocab_size;
  lm->wide_ids_ = h.id_bytes == 4;
  lm->unigrams_ = reinterpret_cast<const LmUnigram*>(section(h, b, kLmUnigrams, (v + 1) * sizeof(LmUnigram), path));
  lm->bigram_ids_ = section(h, b, kLmBigramIds, (s2 + kLmIdPadding) * h.id_bytes, path);
  lm->bigram_probs_ = section(h, b, kLmBigramProbs, s2, path);
  lm->bigram_ranks_ =
      reinterpret_cast<const LmRankBlock*>(section(h, b, kLmBigramRanks, (s2 / 64 + 1) * sizeof(LmRankBlock), path));
  lm->context_begins_ = reinterpret_cast<const uint32_t*>(section(h, b, kLmContextBegins, (k + 1) * 4, path));
  lm->trigram_ids_ = section(h, b, kLmTrigramIds, (s3 + kLmIdPadding) * h.id_bytes, path);
  lm->trigram_probs_ = section(h, b, kLmTrigramProbs, s3, path);
  lm->bigram_codes_ = h.bigram_prob_codes;
  lm->trigram_codes_ = h.trigram_prob_codes;
  lm->backoff_codes_ = h.backoff_codes;
  const LmRankBlock& last = lm->bigram_ranks_[s2 / 64];
  if (lm->unigrams_[v].begin != s2 || lm->context_begins_[k] != s3 || last.before + popcount64(last.bits) != k)
    fail(path, "damaged index");
  if (lm->wide_ids_) lm->compute_upper_bounds<uint32_t>(static_cast<uint32_t>(k));
  else lm->compute_upper_bounds<uint16_t>(static_cast<uint32_t>(k));
  return lm;
}

LanguageModel::State LanguageModel::begin_sentence() const {
  State s;
  s.length = unigrams_[kBos].begin != unigrams_[kBos + 1].begin ? 1 : 0;
  return s;
}

// The best a word can score: its best trigram, its best bigram after the
// largest trigram-context backoff, or its unigram after the largest
// backoffs of both levels (backoffs above 0 are allowed for).
template <class Id>
void LanguageModel::compute_upper_bounds(uint32_t contexts) {
  float max_backoff3 = 0, max_backoff2 = 0;
  for (float b : std::span(backoff_codes_, kLmCodebookSize)) max_backoff3 = std::max(max_backoff3, b);
  for (uint32_t w = 0; w < vocab_size_; ++w) max_backoff2 = std::max(max_backoff2, unigrams_[w].backoff);
  upper_.resize(vocab_size_);
  for (uint32_t w = 0; w < vocab_size_; ++w) upper_[w] = unigrams_[w].prob + max_backoff3 + max_backoff2;
  const Id* ids2 = static_cast<const Id*>(bigram_ids_);
  for (uint32_t v = 0; v < vocab_size_; ++v) {
    const uint32_t begin = unigrams_[v].begin, end = unigrams_[v + 1].begin;
    if (begin == end) continue;
    for (uint32_t s = begin + ids2[begin]; s < end; ++s)
      upper_[ids2[s]] = std::max(upper_[ids2[s]], bigram_codes_[bigram_probs_[s]] + max_backoff3);
  }
  const Id* ids3 = static_cast<const Id*>(trigram_ids_);
  for (uint32_t k = 0; k < contexts; ++k) {
    const uint32_t begin = context_begins_[k], end = context_begins_[k + 1];
    if (begin == end) continue;
    for (uint32_t s = begin + ids3[begin]; s < end; ++s)
      upper_[ids3[s]] = std::max(upper_[ids3[s]], trigram_codes_[trigram_probs_[s]]);
  }
}

template <class Id>
float LanguageModel::score_as(const State& in, WordId word, State& out) const {
  if (word >= vocab_size_) word = kUnk;
  float prob = 0;
  float backoff = 0;
  bool found = false;
  if (in.length == 2) {
    const uint32_t begin = context_begins_[in.context];
    const uint32_t slot = find_in_block(static_cast<const Id*>(trigram_ids_), begin,
                                        context_begins_[in.context + 1], word, trigram_probs_);
    if (slot != kNone) {
      prob = trigram_codes_[trigram_probs_[slot]];
      found = true;
    } else {
      backoff = backoff_codes_[trigram_probs_[begin]];  // the block header holds the context's backoff
    }
  }
  State next;
  next.history[0] = word;
  next.length = 0;
  if (in.length >= 1) {
    const WordId v = in.history[0];
    const uint32_t slot =
        find_in_block(static_cast<const Id*>(bigram_ids_), unigrams_[v].begin, unigrams_[v + 1].begin, word,
                      bigram_probs_, bigram_ranks_);
    if (slot != kNone) {
      if (!found) prob = backoff + bigram_codes_[bigram_probs_[slot]];
      found = true;
      const LmRankBlock& r = bigram_ranks_[slot / 64];
      const uint64_t bit = uint64_t{1} << (slot % 64);
      if (r.bits & bit) {  // (v, word) is a trigram context: keep both words
        next.history[1] = v;
        next.context = static_cast<uint32_t>(r.before + popcount64(r.bits & (bit - 1)));
        next.length = 2;
        __builtin_prefetch(context_begins_ + next.context);  // what prefetch_context() asks first
        out = next;
        return prob;
      }
    } else {
      backoff += unigrams_[v].backoff;
    }
  }
  if (!found) prob = backoff + unigrams_[word].prob;
  if (unigrams_[word].begin != unigrams_[word + 1].begin) {
    next.length = 1;
  } else {
    next.history[0] = kBos;  // no bigram starts with `word`: the history does not matter
  }
  out = next;
  return prob;
}

void LanguageModel::prefetch_context(const State& in) const {
  if (in.length == 2) __builtin_prefetch(context_begins_ + in.context);
  if (in.length >= 1) __builtin_prefetch(unigrams_ + in.history[0]);
}

void LanguageModel::prefetch_blocks(const State& in) const {
  const size_t id_bytes = wide_ids_ ? 4 : 2;
  if (in.length == 2)
    __builtin_prefetch(static_cast<const unsigned char*>(trigram_ids_) + id_bytes * context_begins_[in.context]);
  if (in.length >= 1)
    __builtin_prefetch(static_cast<const unsigned char*>(bigram_ids_) + id_bytes * unigrams_[in.history[0]].begin);
}

float LanguageModel::score(const State& in, WordId word, State& out) const {
  return wide_ids_ ? score_as<uint32_t>(in, word, out) : score_as<uint16_t>(in, word, out);
}

float LanguageModel::end_sentence(const State& in) const {
  State ignored;
  return score(in, kEos, ignored);
}

}  // namespace vn::restore
