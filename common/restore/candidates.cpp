#include "restore/candidates.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "text/utf8.hpp"
#include "vi/letters.hpp"

namespace vn::restore {

std::u32string skeleton(std::u32string_view lower) {
  std::u32string s(lower);
  for (char32_t& c : s) c = vi::strip_diacritics(c);
  return s;
}

namespace {

// Levenshtein distance of two short strings (at most 16 code points used).
int edit_distance(std::u32string_view a, std::u32string_view b) {
  a = a.substr(0, 16);
  b = b.substr(0, 16);
  int prev[17], cur[17];
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::copy(cur, cur + b.size() + 1, prev);
  }
  return prev[b.size()];
}

}  // namespace

void CandidateGenerator::add_deletes(const std::u32string& s, int edits, uint32_t sk,
                                     std::unordered_map<std::u32string, std::vector<uint32_t>>& index) const {
  auto& v = index[s];
  if (v.empty() || v.back() != sk) v.push_back(sk);
  if (edits == 0 || s.size() <= 1) return;
  for (size_t i = 0; i < s.size(); ++i) {
    std::u32string shorter = s;
    shorter.erase(i, 1);
    add_deletes(shorter, edits - 1, sk, index);
  }
}

CandidateGenerator::CandidateGenerator(const Lexicon& lexicon, const ChannelModel& channel, Options options)
    : lexicon_(lexicon), channel_(channel), options_(options) {
  std::unordered_map<std::u32string, uint32_t> sk_index;
  double total = 0;
  for (const auto& e : lexicon.entries()) total += static_cast<double>(e.count);
  for (size_t i = 0; i < lexicon.size(); ++i) {
    const Lexicon::Entry& e = lexicon.entries()[i];
    spelling_.push_back(text::to_u32(e.syllable));
    log_prior_.push_back(static_cast<float>(std::log10(static_cast<double>(e.count) / total)));
    const std::u32string sk = skeleton(spelling_.back());
    auto [it, added] = sk_index.emplace(sk, static_cast<uint32_t>(skeletons_.size()));
    if (added) {
      skeletons_.push_back(sk);
      syllables_of_.emplace_back();
    }
    syllables_of_[it->second].push_back(static_cast<WordId>(kFirstSyllable + i));
  }
  for (uint32_t k = 0; k < skeletons_.size(); ++k) add_deletes(skeletons_[k], options_.max_edits, k, deletes_);
}

std::vector<Candidate> CandidateGenerator::generate(std::u32string_view ocr) const {
  // No syllable is longer than 7 letters: longer tokens cannot be within
  // reach, and their deletion variants would explode.
  constexpr size_t kMaxTokenLength = 12;
  if (ocr.empty() || ocr.size() > kMaxTokenLength) return {};
  // Short tokens get one edit: two would reach nearly every short syllable.
  const std::u32string sk = skeleton(ocr);
  const int edits = sk.size() <= 3 ? std::min(1, options_.max_edits) : options_.max_edits;
  std::unordered_set<uint32_t> skeleton_hits;
  std::unordered_map<std::u32string, std::vector<uint32_t>> variants;
  add_deletes(sk, edits, 0, variants);
  for (const auto& [variant, unused] : variants)
    if (auto it = deletes_.find(variant); it != deletes_.end()) skeleton_hits.insert(it->second.begin(), it->second.end());

  std::unordered_set<WordId> ids;
  for (uint32_t k : skeleton_hits)
    if (edit_distance(sk, skeletons_[k]) <= edits) ids.insert(syllables_of_[k].begin(), syllables_of_[k].end());
  if (const auto* seen = channel_.seen_sources(ocr))
    for (const auto& [syl, n] : *seen)
      if (const WordId w = lexicon_.id(text::to_utf8(syl)); w != kUnk) ids.insert(w);

  struct Scored {
    Candidate c;
    float rank;
  };
  std::vector<Scored> scored;
  scored.reserve(ids.size());
  ChannelModel::Scorer scorer(channel_, ocr);
  for (WordId w : ids) {
    const size_t i = w - kFirstSyllable;
    const float ch = scorer.log_prob(spelling_[i]);
    scored.push_back({{w, ch}, ch + options_.prior_weight * log_prior_[i]});
  }
  const size_t k = std::min(options_.max_candidates, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<long>(k), scored.end(),
                    [](const Scored& a, const Scored& b) { return a.rank != b.rank ? a.rank > b.rank : a.c.id < b.c.id; });
  std::vector<Candidate> out;
  for (size_t i = 0; i < k; ++i) out.push_back(scored[i].c);
  return out;
}

}  // namespace vn::restore
