// Candidate syllables for an OCR token: the lexicon syllables the OCR
// engine could plausibly have turned into it, with their channel scores.
//
// Lookup is a SymSpell-style deletion index over syllable skeletons (the
// folded form: "được" -> "duoc"): every skeleton is indexed under all its
// variants with up to `max_edits` characters deleted, and a token finds
// the skeletons within that edit distance by looking up its own deletion
// variants, then keeps those really within that distance (one edit for
// tokens of three letters or fewer). Syllables the channel's token table
// has seen become the token are always candidates, whatever their distance.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "restore/channel_model.hpp"
#include "restore/lexicon.hpp"

namespace vn::restore {

struct Candidate {
  WordId id;
  float channel;  // log10 P(ocr | syllable)
};

class CandidateGenerator {
 public:
  struct Options {
    int max_edits = 2;
    size_t max_candidates = 10;
    float prior_weight = 0.5f;  // weight of the unigram prior when pruning to max_candidates
  };

  CandidateGenerator(const Lexicon& lexicon, const ChannelModel& channel, Options options);

  // `ocr` lower-case. Best first by channel + prior; at most max_candidates.
  std::vector<Candidate> generate(std::u32string_view ocr) const;

 private:
  void add_deletes(const std::u32string& s, int edits, uint32_t skeleton, std::unordered_map<std::u32string, std::vector<uint32_t>>& index) const;

  const Lexicon& lexicon_;
  const ChannelModel& channel_;
  Options options_;
  std::vector<std::u32string> skeletons_;                 // distinct skeletons
  std::vector<std::vector<WordId>> syllables_of_;         // per skeleton
  std::unordered_map<std::u32string, std::vector<uint32_t>> deletes_;  // variant -> skeletons
  std::vector<std::u32string> spelling_;                  // WordId - kFirstSyllable -> code points
  std::vector<float> log_prior_;                          // unigram log10 P(syllable)
};

// Skeleton of a token or syllable: lower-case, diacritics stripped.
std::u32string skeleton(std::u32string_view lower);

}  // namespace vn::restore
