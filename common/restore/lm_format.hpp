// The binary format of lm.bin, which LanguageModelBuilder writes
// (restore/train/lm_builder.hpp) and LanguageModel maps
// (restore/language_model.hpp). Little-endian, version 1:
//
//   LmHeader                 magic, version, sizes, section table,
//                            three 256-entry codebooks (log10 values of
//                            bigram probs, trigram probs, bigram-context
//                            backoffs), checksum
//   unigrams   LmUnigram[V+1]  float log10 prob and backoff per id, and where
//                              the id's bigram block starts (entry V: the end)
//   bigram ids     Id[S2+16]   blocks of successors, one block per first word
//                              (then 16 zero slots, so lookups may over-read)
//   bigram probs   uint8[S2]   parallel to the ids: codebook index
//   bigram ranks   LmRankBlock[S2/64 + 1]  one bit per bigram slot: the
//                              bigram is a trigram context; rank = its number
//   context begins uint32[K+1] where context k's trigram block starts
//   trigram ids    Id[S3+16]   blocks of successors, one per bigram context
//   trigram probs  uint8[S3]   codebook index
//
// Id is uint16 when vocab_size <= 65535, else uint32. Sections start on
// 64-byte boundaries; padding is zero. Unigram values are exact floats;
// every other value is a quant_bits-bit index into its codebook (half a
// uniform grid over [-2, 0], half k-means below; see
// restore/train/lm_builder.hpp). LanguageModel::open() checks sizes and the
// checksum but not the blocks themselves: a file that passes is trusted to
// be one the builder wrote.
//
// A block (the successors of one context) is a small hash table with no
// empty slots:
//   slot 0            header: id = number of buckets B >= 1; its prob byte
//                     holds the context's backoff code (trigram blocks)
//   slots 1 .. B-1    directory: id = first entry of bucket 1 .. B-1,
//                     relative to the first entry (bucket 0 starts at 0)
//   slots B ..        entries (word id + prob code), grouped by bucket
//                     lm_bucket(word, B), ascending ids within a bucket
// A lookup reads the header, two directory slots, and compares the bucket's
// ids (about kLmBucketTarget) with 16-wide SIMD: a couple of cache lines
// per level, and hardly any branches.
#pragma once
#include <bit>
#include <cstddef>
#include <cstdint>

#include "restore/vocabulary.hpp"

namespace vn::restore {

struct LmUnigram {
  float prob;      // log10 P(w), interpolated with the uniform distribution
  float backoff;   // log10 backoff of context w (0 when w has no bigrams)
  uint32_t begin;  // first slot of w's bigram block; the block ends at the next id's begin
};
static_assert(sizeof(LmUnigram) == 12);

struct LmRankBlock {
  uint64_t bits;    // bit i: slot 64 * block + i is a trigram context
  uint64_t before;  // contexts in earlier blocks
};

inline constexpr char kLmMagic[8] = {'V', 'N', 'L', 'M', '3', 'G', 'R', 'M'};
inline constexpr uint32_t kLmVersion = 1;
inline constexpr uint32_t kLmCodebookSize = 256;
inline constexpr uint32_t kLmSmallBlock = 16;    // blocks up to this many entries have one bucket
inline constexpr uint32_t kLmBucketTarget = 8;   // average entries per bucket in larger blocks
inline constexpr uint32_t kLmMaxVocab = 1u << 21;
inline constexpr uint32_t kLmIdPadding = 16;     // zero slots after each id section

enum LmSection : uint32_t {
  kLmUnigrams,
  kLmBigramIds,
  kLmBigramProbs,
  kLmBigramRanks,
  kLmContextBegins,
  kLmTrigramIds,
  kLmTrigramProbs,
  kLmSectionCount
};

struct LmSectionRef {
  uint64_t offset;
  uint64_t bytes;
};

struct LmHeader {
  char magic[8];
  uint32_t version;
  uint32_t order;           // 3
  uint32_t vocab_size;
  uint32_t id_bytes;        // 2 or 4
  uint32_t quant_bits;      // codebooks use 1 << quant_bits entries
  uint32_t reserved;
  uint64_t file_bytes;      // the whole file
  uint64_t bigram_count;    // n-grams stored (informational)
  uint64_t trigram_count;
  uint64_t bigram_slots;    // S2: bigram entries + block headers and directories
  uint64_t context_count;   // K: bigrams with a trigram block
  uint64_t trigram_slots;   // S3
  LmSectionRef sections[kLmSectionCount];
  float bigram_prob_codes[kLmCodebookSize];    // log10 p, by code
  float trigram_prob_codes[kLmCodebookSize];
  float backoff_codes[kLmCodebookSize];        // log10 backoff of bigram contexts
  uint64_t checksum;        // XXH3-64 of this header before this field, then every byte after the header
};

// Buckets for a block of `entries` successors.
constexpr uint32_t lm_buckets_for(uint32_t entries) {
  return entries <= kLmSmallBlock ? 1 : (entries + kLmBucketTarget - 1) / kLmBucketTarget;
}

// The bucket of `word` in a block of `buckets` buckets.
inline uint32_t lm_bucket(WordId word, uint32_t buckets) {
  const uint32_t h = word * 0x9E3779B1u;
  return static_cast<uint32_t>((uint64_t{h} * buckets) >> 32);
}

// XXH3-64 of a whole model file (`bytes` >= sizeof(LmHeader)), as
// LmHeader::checksum defines it.
uint64_t lm_checksum(const unsigned char* file, size_t bytes);

static_assert(std::endian::native == std::endian::little, "the model format is little-endian");

}  // namespace vn::restore
