// The OCR channel: how likely an OCR engine without Vietnamese turns a
// syllable into a given token, P(ocr | syllable).
//
// Two levels, interpolated. A token table counts whole (syllable -> OCR
// token) pairs seen in aligned training pages; it knows the frequent damage
// exactly ("được" -> "dugc"). A character model counts what each clean
// character became ("ư" -> "u", "ư" -> "ir", "ổ" -> "6", "Đ"/"đ" -> "p"),
// and scores any token by the best monotone alignment of the syllable's
// characters to the token's, so unseen damage still gets a probability.
// The table's share for a syllable grows with how often it was seen and
// shrinks with how many different tokens it became (Witten-Bell), so a
// syllable OCR damages many ways stays likely for a token never seen.
// A token that already carries Vietnamese letters and spells the syllable
// exactly is taken to have come through intact (clean input).
#pragma once
#include <array>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "restore/channel_counts.hpp"
#include "restore/code_point_positions.hpp"
#include "restore/flat_hash_map.hpp"

namespace vn::restore {

class ChannelModel {
 public:
  ChannelModel() = default;
  // The model of `counts`, with the emission log-probabilities scoring uses
  // precomputed.
  explicit ChannelModel(ChannelCounts counts);

  // log10 P(ocr | syllable). Both lower-case. Never -inf.
  float log_prob(std::u32string_view ocr, std::u32string_view syllable) const;
  // The character-model part alone.
  float char_log_prob(std::u32string_view ocr, std::u32string_view syllable) const;

  // What the token table knows of a syllable: how often the training pages
  // had it (counts().syllables), and how often it became the OCR token
  // (seen_sources()).
  struct TableCounts {
    uint32_t n = 0;
    uint32_t seen = 0;
    uint32_t types = 0;  // the distinct OCR tokens it became (token_types())
  };

  // A syllable's n and types (seen 0): one lookup; zeros for what the
  // table lacks.
  TableCounts table_counts(std::u32string_view syllable) const;

  // Scores many syllables against one OCR token, computing each clean
  // character's emissions into the token once, and reusing the alignment
  // of the longest prefix the syllable shares with the one scored before
  // (so score syllables in sorted order). Not thread-safe; the model must
  // outlive it.
  class Scorer {
   public:
    Scorer(const ChannelModel& model, std::u32string_view ocr);
    float log_prob(std::u32string_view syllable);       // == model.log_prob(ocr, syllable)
    float char_log_prob(std::u32string_view syllable);  // == model.char_log_prob(ocr, syllable)
    // == log_prob(syllable) when `counts` are the syllable's (0 for what
    // the tables lack): no lookups.
    float log_prob(std::u32string_view syllable, TableCounts counts);

   private:
    // Rows of cells, one per ocr_ position j in [0, width_) (width_ is
    // ocr_.size() + 1 rounded up to whole vectors of 4), each after kPad
    // cells of kNone: so an alignment step reads the cells k <= kMaxEmission
    // before j without a bounds test.
    static constexpr size_t kPad = 4;
    size_t row_size() const { return kPad + width_; }

    // kMaxEmission + 1 rows, k = 0...: cell j is log10 P(ocr[j, j + k) | clean),
    // kNone where j + k > ocr_.size().
    const float* emissions_of(char32_t clean) {
      const size_t at = group_of(clean);  // before rows_.get(): it may move the rows
      return rows_.get() + at;
    }
    // Where the rows of `clean` begin in rows_, filled on first use.
    size_t group_of(char32_t clean) {
      const size_t d = clean < kLatin ? clean : clean - 0x1E00 < 0x100 ? kLatin + (clean - 0x1E00) : direct_.size();
      if (d < direct_.size() && direct_[d] >= 0) return static_cast<size_t>(direct_[d]);
      return add_group(clean, d);
    }
    // group_of() the slow way: `direct` is the index of `clean` in direct_,
    // or direct_.size() when it has none.
    size_t add_group(char32_t clean, size_t direct);
    size_t group_size() const { return (kMaxEmission + 1) * row_size(); }
    void fill_emissions(char32_t clean, float* rows) const;

    const ChannelModel& model_;
    std::u32string ocr_;
    // The token table's sources of ocr_ (seen_sources()), looked up at the
    // first log_prob(syllable).
    const std::unordered_map<std::u32string, uint32_t>* seen_ = nullptr;
    bool seen_looked_up_ = false;
    size_t width_;
    std::u32string stripped_;        // ocr_ without diacritics
    std::vector<uint64_t> emitted_;  // k * (ocr_.size() + 1) + j: packed ocr_[j, j + k)
    CodePointPositions positions_;   // of ocr_'s code points; empty when ocr_.size() >= 64
    std::array<uint64_t, kMaxEmission + 1> fits_{};         // bit j: j + k <= ocr_.size()
    bool ascii_;                     // ocr_ is all ASCII
    // Emission rows, one group after another; only the used part is
    // initialized (fill_emissions() writes every cell of a group).
    std::unique_ptr<float[]> rows_;
    size_t rows_used_ = 0, rows_capacity_ = 0;
    // Where the groups of the clean characters seen so far are (-1: none
    // yet): by code point for Latin letters (below kLatin) and the
    // Vietnamese block (U+1E00...U+1EFF), in a list for the others.
    static constexpr size_t kLatin = 0x250;
    std::array<int32_t, kLatin + 0x100> direct_;
    std::vector<std::pair<char32_t, uint32_t>> other_groups_;
    std::u32string aligned_;  // the syllable dp_ last aligned
    std::vector<float> dp_;   // row i, cell j: best log10 P of syl[0, i) -> ocr_[0, j)
  };

  // How many distinct OCR tokens the token table has seen `syllable` become.
  uint32_t token_types(std::u32string_view syllable) const;

  // Syllables the token table has seen become `ocr`, with counts.
  const std::unordered_map<std::u32string, uint32_t>* seen_sources(std::u32string_view ocr) const;

  // The model of a channel.tsv file (read_channel_counts).
  static ChannelModel load(const std::filesystem::path& path);

  const ChannelCounts& counts() const { return counts_; }

 private:
  // A clean character's emissions into up to 3 code points, packed in 64
  // bits: the code points, 21 bits each, plus the length in the top bits.
  static uint64_t pack(std::u32string_view emitted);
  // The dense number of a clean character that has counted emissions, or -1.
  int32_t slot_of(char32_t clean) const;

  // What smooths the emissions of a clean character that has counts.
  struct Slot {
    float log_prior_share;  // log10 of the prior's share alpha / (count + alpha)
    uint32_t begin, end;    // its counted emissions in counted_
  };
  // A counted emission: packed, its length and first code point, log10 P(emitted | clean).
  struct Counted {
    uint64_t emitted;
    uint32_t length;
    char32_t first;
    float log_prob;
  };
  std::vector<Slot> slots_;
  FlatHashMap<char32_t, int32_t> slot_;  // clean character -> slot
  std::vector<Counted> counted_;         // by slot

  ChannelCounts counts_;
  std::unordered_map<std::u32string, TableCounts> table_;  // syllable -> n and types (table_counts)
};

}  // namespace vn::restore
