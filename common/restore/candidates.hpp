// Candidate syllables for an OCR token: the lexicon syllables the OCR
// engine could plausibly have turned into it, with their channel scores.
//
// Lookup is a SymSpell-style deletion index over syllable skeletons (the
// folded form: "được" -> "duoc"): every skeleton is indexed under all its
// variants with up to `max_edits` characters deleted, and a token finds
// the skeletons within that edit distance by looking up its own deletion
// variants, then keeps those really within that distance (one edit for
// tokens of three letters or fewer). A token holding two letters that OCR
// reads a "u" (mostly "ư") as, where no syllable holds them ("chirc",
// "nhitng"), is looked up with them merged back too. No variant is empty,
// so a one-letter token never reaches a different one-letter skeleton.
// Syllables the channel's token table has seen become the token are always
// candidates, whatever their distance.
//
// The index is keyed by a 64-bit hash of each variant, so a collision
// only adds skeletons to check; the check keeps a skeleton exactly when
// the two share a variant: within the edit distance and, if no closer
// than the longer's length, sharing a code point.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "restore/channel_model.hpp"
#include "restore/flat_hash_map.hpp"
#include "restore/lexicon.hpp"

namespace vn::restore {

struct Candidate {
  WordId id;
  float channel;  // log10 P(ocr | syllable)
  // channel + prior_weight * log10 unigram P(syllable): what generate()
  // ranks by; with the default weight 1, the unigram posterior.
  float rank;
};

class CandidateGenerator {
 public:
  struct Options {
    int max_edits = 2;  // >= 0
    size_t max_candidates = 30;
    // Weight of the unigram prior when pruning to max_candidates: 1 keeps
    // the candidates of best unigram posterior, as the option gap does
    // (restore/token_options.hpp). Against 0.5 and 20 candidates, on our
    // held-out pages: scan SER 0.0628 -> 0.0598 and 0.0864 -> 0.0843,
    // print 0.0194 -> 0.0197 and 0.0177 -> 0.0175, stripped 0.0228 ->
    // 0.0229 and 0.0189 -> 0.0190; 0.75 and 1.25 score alike, 40
    // candidates as 30, 20 loses scan 0.0006.
    float prior_weight = 1.0f;
  };

  CandidateGenerator(const Lexicon& lexicon, const ChannelModel& channel, Options options);
  // Its index points into itself.
  CandidateGenerator(const CandidateGenerator&) = delete;
  CandidateGenerator& operator=(const CandidateGenerator&) = delete;

  // `ocr` lower-case. Best first by rank; at most max_candidates.
  // Thread-safe.
  std::vector<Candidate> generate(std::u32string_view ocr) const;

  // Each lexicon syllable's code points, by WordId - kFirstSyllable.
  const std::vector<std::u32string>& spelling() const { return spelling_; }

 private:
  struct Scratch;  // generate()'s buffers, per thread

  // Adds to s.rank_set the syllables whose skeletons are within `edits`
  // of skeleton `sk` (through the deletion index).
  void add_reached(std::u32string_view sk, int edits, Scratch& s) const;

  // Where a deletion variant's skeletons are in skeleton_hits_.
  struct Postings {
    uint32_t begin = 0, end = 0;
  };
  struct ViewHash {
    uint64_t operator()(std::u32string_view s) const { return mix64(std::hash<std::u32string_view>()(s)); }
  };

  // A span of one of the flat arrays below; it ends where the next begins.
  std::u32string_view letters(const std::vector<char32_t>& pool, const std::vector<uint32_t>& begin, size_t i) const {
    return {pool.data() + begin[i], begin[i + 1] - begin[i]};
  }

  const Lexicon& lexicon_;
  const ChannelModel& channel_;
  Options options_;
  std::vector<std::u32string> spelling_;  // WordId - kFirstSyllable -> code points

  // Syllables are numbered here by rank: their place in code point order
  // of their spellings, so that neighbours share prefixes the channel
  // scorer aligns once (ChannelModel::Scorer). What scoring a rank needs
  // lies in flat arrays by rank, near the ranks around it.
  struct Ranked {
    WordId id;
    ChannelModel::TableCounts table;  // its n and types (ChannelModel::table_counts); seen 0
    float log_prior;                  // unigram log10 P(syllable)
  };
  std::vector<Ranked> ranked_;
  std::vector<char32_t> ranked_letters_;  // the spellings by rank, back to back
  std::vector<uint32_t> ranked_begin_;    // rank -> where its spelling begins; one more at the end
  FlatHashMap<std::u32string_view, uint32_t, ViewHash> rank_of_;  // spelling -> rank

  // The distinct skeletons, numbered by their first rank, and the ranks of
  // each, flat as above.
  std::vector<char32_t> skeleton_letters_;
  std::vector<uint32_t> skeleton_begin_;
  std::vector<uint32_t> skeleton_ranks_;
  std::vector<uint32_t> skeleton_ranks_begin_;

  FlatHashMap<uint64_t, Postings, IdentityHash> deletes_;  // variant hash -> skeletons
  std::vector<uint32_t> skeleton_hits_;                    // skeleton numbers, by variant
};

// Skeleton of a token or syllable: lower-case, diacritics stripped.
std::u32string skeleton(std::u32string_view lower);

}  // namespace vn::restore
