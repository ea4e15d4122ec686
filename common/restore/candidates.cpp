#include "restore/candidates.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <unordered_map>

#include "restore/edit_distance.hpp"
#include "text/utf8.hpp"
#include "vi/letters.hpp"

namespace vn::restore {

std::u32string skeleton(std::u32string_view lower) {
  std::u32string s(lower);
  for (char32_t& c : s) c = vi::strip_diacritics(c);
  return s;
}

namespace {

// Hash of `s` without the code points at `skip` (ascending positions):
// a deletion variant's. mix64 spreads it over all 64 bits.
uint64_t variant_hash(std::u32string_view s, const uint32_t* skip, size_t skipped) {
  uint64_t h = 0xCBF29CE484222325ULL;  // FNV-1a over code points
  for (size_t i = 0, q = 0; i < s.size(); ++i) {
    if (q < skipped && skip[q] == i) {
      ++q;
      continue;
    }
    h = (h ^ s[i]) * 0x100000001B3ULL;
  }
  return mix64(h ^ (s.size() - skipped));
}

// Appends the hash of every deletion variant of `s` that deletes `skip`
// and then up to `edits` more positions from `from` on: every string left
// by deleting code points that keeps at least one (once per set of
// deleted positions, so a string may come more than once).
// REQUIRES: skip has room for `edits` more positions.
void add_variant_hashes(std::u32string_view s, int edits, uint32_t from, uint32_t* skip, size_t skipped,
                        std::vector<uint64_t>& out) {
  out.push_back(variant_hash(s, skip, skipped));
  if (edits == 0 || s.size() - skipped <= 1) return;
  for (uint32_t i = from; i < s.size(); ++i) {
    skip[skipped] = i;
    add_variant_hashes(s, edits - 1, i + 1, skip, skipped + 1, out);
  }
}

// The distinct deletion variant hashes of `s` with up to `edits` code
// points deleted, sorted, in `out`. `skip` is scratch.
void variant_hashes(std::u32string_view s, int edits, std::vector<uint32_t>& skip, std::vector<uint64_t>& out) {
  out.clear();
  const int most = static_cast<int>(std::min<size_t>(static_cast<size_t>(edits), s.size()));
  if (skip.size() < static_cast<size_t>(most)) skip.resize(static_cast<size_t>(most));
  add_variant_hashes(s, most, 0, skip.data(), 0, out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

// A set of small numbers that lists its members in order; empty between uses.
struct BitSet {
  std::vector<uint64_t> words;
  std::vector<uint32_t> members;  // in insertion order

  void reserve(size_t n) {
    if (words.size() < (n + 63) / 64) words.resize((n + 63) / 64);
  }
  void insert(uint32_t i) {
    uint64_t& w = words[i / 64];
    const uint64_t bit = uint64_t{1} << (i % 64);
    if (!(w & bit)) members.push_back(i);
    w |= bit;
  }
  // The members in ascending order into `out`; empties the set.
  void take_sorted(std::vector<uint32_t>& out) {
    out.clear();
    if (members.size() > words.size()) {
      // Denser than the words: read the words.
      for (size_t wi = 0; wi < words.size(); ++wi)
        for (uint64_t w = words[wi]; w; w &= w - 1)
          out.push_back(static_cast<uint32_t>(wi * 64 + static_cast<size_t>(std::countr_zero(w))));
    } else {
      out = members;
      std::sort(out.begin(), out.end());
    }
    for (uint32_t i : members) words[i / 64] = 0;
    members.clear();
  }
};

// Whether the deletion index reaches skeleton `s` from the token's
// skeleton, whose distances `from` measures, allowing `edits` edits:
// within that edit distance (of their first 16 code points) and sharing a
// deletion variant. Closer than max(|q|, |s|), they keep a code point in
// common; else they share a variant exactly when they share a code point
// (no variant is empty).
bool reaches(std::u32string_view q, const EditDistanceFrom& from, std::u32string_view s, int edits) {
  s = s.substr(0, 16);
  const size_t longer = std::max(q.size(), s.size());
  if (longer - std::min(q.size(), s.size()) > static_cast<size_t>(edits)) return false;
  const int d = from.to(s);
  if (d > edits) return false;
  if (static_cast<size_t>(d) < longer) return true;
  return std::any_of(q.begin(), q.end(), [&](char32_t c) { return s.find(c) != s.npos; });
}

// Whether the skeleton's letters at `j` and `j + 1` are two that OCR
// reads one "u" (mostly "ư") as, where no syllable's skeleton holds them
// ("chirc" for "chức", "nhitng" for "những", "thtfc" for "thức"): "ir", "if",
// "ii", "iv", "ur", "tt", "tf"; "tr", "ti" past the first letter (where a
// syllable's "t" can only end it); "it" before another letter.
bool split_u_at(std::u32string_view sk, size_t j) {
  const char32_t a = sk[j], b = sk[j + 1];
  if (a == U'i') return b == U'r' || b == U'f' || b == U'i' || b == U'v' || (b == U't' && j + 2 < sk.size());
  if (a == U'u') return b == U'r';
  if (a == U't') return b == U't' || b == U'f' || (j > 0 && (b == U'r' || b == U'i'));
  return false;
}

}  // namespace

// Per thread: the buffers of generate(), kept between calls.
struct CandidateGenerator::Scratch {
  std::u32string skeleton;
  std::vector<uint32_t> skip;
  std::vector<uint64_t> variants;
  BitSet skeleton_set, rank_set;
  std::vector<uint32_t> skeletons;
  std::vector<uint32_t> ranks;
  std::vector<std::pair<uint32_t, uint32_t>> seen;  // (rank, times) the token table saw become the token
};

CandidateGenerator::CandidateGenerator(const Lexicon& lexicon, const ChannelModel& channel, Options options)
    : lexicon_(lexicon), channel_(channel), options_(options) {
  double total = 0;
  for (const auto& e : lexicon.entries()) total += static_cast<double>(e.count);
  std::vector<WordId> by_rank;
  for (size_t i = 0; i < lexicon.size(); ++i) {
    spelling_.push_back(text::to_u32(lexicon.entries()[i].syllable));
    by_rank.push_back(static_cast<WordId>(kFirstSyllable + i));
  }
  // UTF-8 sorts as its code points do.
  std::sort(by_rank.begin(), by_rank.end(),
            [&](WordId a, WordId b) { return lexicon.entry(a).syllable < lexicon.entry(b).syllable; });
  std::vector<std::pair<std::u32string_view, uint32_t>> rank_of;
  rank_of.reserve(by_rank.size());
  for (uint32_t r = 0; r < by_rank.size(); ++r) {
    const WordId w = by_rank[r];
    const std::u32string& syl = spelling_[w - kFirstSyllable];
    ranked_.push_back({w, {}, static_cast<float>(std::log10(static_cast<double>(lexicon.entry(w).count) / total))});
    ranked_begin_.push_back(static_cast<uint32_t>(ranked_letters_.size()));
    ranked_letters_.insert(ranked_letters_.end(), syl.begin(), syl.end());
    rank_of.emplace_back(syl, r);
  }
  ranked_begin_.push_back(static_cast<uint32_t>(ranked_letters_.size()));
  rank_of_ = FlatHashMap<std::u32string_view, uint32_t, ViewHash>(rank_of);
  for (const auto& [syl, n] : channel.counts().syllables)
    if (const uint32_t* r = rank_of_.find(syl)) ranked_[*r].table = channel.table_counts(syl);

  std::unordered_map<std::u32string, uint32_t> sk_index;
  std::vector<std::vector<uint32_t>> ranks_of;  // per skeleton
  for (uint32_t r = 0; r < ranked_.size(); ++r) {
    const std::u32string sk = skeleton(letters(ranked_letters_, ranked_begin_, r));
    auto [it, added] = sk_index.emplace(sk, static_cast<uint32_t>(ranks_of.size()));
    if (added) {
      skeleton_begin_.push_back(static_cast<uint32_t>(skeleton_letters_.size()));
      skeleton_letters_.insert(skeleton_letters_.end(), sk.begin(), sk.end());
      ranks_of.emplace_back();
    }
    ranks_of[it->second].push_back(r);
  }
  skeleton_begin_.push_back(static_cast<uint32_t>(skeleton_letters_.size()));
  for (const auto& ranks : ranks_of) {
    skeleton_ranks_begin_.push_back(static_cast<uint32_t>(skeleton_ranks_.size()));
    skeleton_ranks_.insert(skeleton_ranks_.end(), ranks.begin(), ranks.end());
  }
  skeleton_ranks_begin_.push_back(static_cast<uint32_t>(skeleton_ranks_.size()));

  // The deletion index: (variant hash, skeleton) pairs grouped by hash.
  std::vector<std::pair<uint64_t, uint32_t>> pairs;
  std::vector<uint32_t> skip;
  std::vector<uint64_t> hashes;
  for (uint32_t k = 0; k < ranks_of.size(); ++k) {
    variant_hashes(letters(skeleton_letters_, skeleton_begin_, k), options_.max_edits, skip, hashes);
    for (uint64_t h : hashes) pairs.emplace_back(h, k);
  }
  std::sort(pairs.begin(), pairs.end());
  std::vector<std::pair<uint64_t, Postings>> postings;
  skeleton_hits_.reserve(pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (i == 0 || pairs[i].first != pairs[i - 1].first)
      postings.push_back({pairs[i].first, {static_cast<uint32_t>(i), static_cast<uint32_t>(i)}});
    skeleton_hits_.push_back(pairs[i].second);
    ++postings.back().second.end;
  }
  deletes_ = FlatHashMap<uint64_t, Postings, IdentityHash>(postings);
}

void CandidateGenerator::add_reached(std::u32string_view sk, int edits, Scratch& s) const {
  variant_hashes(sk, edits, s.skip, s.variants);
  s.skeleton_set.reserve(skeleton_begin_.size() - 1);
  for (uint64_t h : s.variants)
    if (const Postings* p = deletes_.find(h))
      for (uint32_t i = p->begin; i < p->end; ++i) s.skeleton_set.insert(skeleton_hits_[i]);
  s.skeleton_set.take_sorted(s.skeletons);
  const EditDistanceFrom distance_from(sk);
  for (uint32_t k : s.skeletons)
    if (reaches(sk, distance_from, letters(skeleton_letters_, skeleton_begin_, k), edits))
      for (uint32_t i = skeleton_ranks_begin_[k]; i < skeleton_ranks_begin_[k + 1]; ++i)
        s.rank_set.insert(skeleton_ranks_[i]);
}

std::vector<Candidate> CandidateGenerator::generate(std::u32string_view ocr) const {
  // No syllable is longer than 7 letters: longer tokens cannot be within
  // reach, and their deletion variants would explode.
  constexpr size_t kMaxTokenLength = 12;
  if (ocr.empty() || ocr.size() > kMaxTokenLength) return {};
  thread_local Scratch scratch;
  Scratch& s = scratch;
  s.skeleton.assign(ocr);
  for (char32_t& c : s.skeleton) c = vi::strip_diacritics(c);
  const std::u32string_view sk = s.skeleton;
  // Short tokens get one edit: two would reach nearly every short syllable.
  const int edits = sk.size() <= 3 ? std::min(1, options_.max_edits) : options_.max_edits;

  s.rank_set.reserve(ranked_.size());
  add_reached(sk, edits, s);
  // A "u" OCR read as two letters costs the deletion index two edits; the
  // token is also looked up with them merged back, with as many edits
  // ("phiréng" -> "phueng" reaches "phường"): the channel still scores the
  // letters as read. On our held-out scan pages, SER 0.0514 -> 0.0504,
  // 0.0731 -> 0.0725 and 0.0575 -> 0.0572 (at one edit less: 0.0506,
  // 0.0727, 0.0572).
  for (size_t j = 0; edits > 1 && j + 1 < sk.size(); ++j)
    if (split_u_at(sk, j)) {
      std::u32string merged(sk.substr(0, j));
      merged.push_back(U'u');
      merged.append(sk.substr(j + 2));
      add_reached(merged, edits, s);
    }
  s.seen.clear();
  if (const auto* seen = channel_.seen_sources(ocr))
    for (const auto& [syl, n] : *seen)
      if (const uint32_t* r = rank_of_.find(syl)) {
        s.seen.push_back({*r, n});
        s.rank_set.insert(*r);
      }
  // In spelling order, so the scorer shares alignments of common prefixes.
  s.rank_set.take_sorted(s.ranks);

  std::vector<Candidate> scored;
  scored.reserve(s.ranks.size());
  ChannelModel::Scorer scorer(channel_, ocr);
  for (uint32_t r : s.ranks) {
    const Ranked& x = ranked_[r];
    ChannelModel::TableCounts counts = x.table;
    for (const auto& [seen_rank, n] : s.seen)
      if (seen_rank == r) counts.seen = n;
    const float ch = scorer.log_prob(letters(ranked_letters_, ranked_begin_, r), counts);
    scored.push_back({x.id, ch, ch + options_.prior_weight * x.log_prior});
  }
  const size_t k = std::min(options_.max_candidates, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<long>(k), scored.end(),
                    [](const Candidate& a, const Candidate& b) { return a.rank != b.rank ? a.rank > b.rank : a.id < b.id; });
  scored.resize(k);
  return scored;
}

}  // namespace vn::restore
