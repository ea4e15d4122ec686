// The OCR channel: how likely an OCR engine without Vietnamese turns a
// syllable into a given token, P(ocr | syllable).
//
// Two levels, interpolated. A token table counts whole (syllable -> OCR
// token) pairs seen in aligned training pages; it knows the frequent damage
// exactly ("được" -> "dugc"). A character model counts what each clean
// character became ("ư" -> "u", "ư" -> "ir", "ổ" -> "6", "Đ"/"đ" -> "p"),
// and scores any token by the best monotone alignment of the syllable's
// characters to the token's, so unseen damage still gets a probability.
// A token that already carries Vietnamese letters and spells the syllable
// exactly is taken to have come through intact (clean input).
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vn::restore {

// What the channel is estimated from: counts of aligned training pairs
// (restore/train/channel_builder.hpp collects them; channel.tsv stores them).
struct ChannelCounts {
  std::unordered_map<std::u32string, std::unordered_map<std::u32string, uint32_t>> by_ocr;  // ocr -> syllable -> n
  std::unordered_map<std::u32string, uint32_t> syllables;                                 // syllable -> n
  std::unordered_map<char32_t, std::unordered_map<std::u32string, uint32_t>> emissions;    // char -> emission -> n
  std::unordered_map<char32_t, uint32_t> chars;                                           // char -> emissions counted
};

// Clean characters whose emissions longer than this are not counted.
inline constexpr size_t kMaxEmission = 3;

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

  // Scores many syllables against one OCR token, computing each clean
  // character's emissions into the token once. Not thread-safe; the model
  // must outlive it.
  class Scorer {
   public:
    Scorer(const ChannelModel& model, std::u32string_view ocr);
    float log_prob(std::u32string_view syllable);       // == model.log_prob(ocr, syllable)
    float char_log_prob(std::u32string_view syllable);  // == model.char_log_prob(ocr, syllable)

   private:
    const std::vector<float>& emissions_of(char32_t clean);

    const ChannelModel& model_;
    std::u32string ocr_;
    const std::unordered_map<std::u32string, uint32_t>* seen_;
    std::unordered_map<char32_t, std::vector<float>> rows_;
    std::vector<float> dp_;
  };

  // Syllables the token table has seen become `ocr`, with counts.
  const std::unordered_map<std::u32string, uint32_t>* seen_sources(std::u32string_view ocr) const;

  // Reads channel.tsv: "T ocr syllable count", "E char emission count" and
  // "S syllable count" lines (restore/train/channel_builder.hpp writes it).
  // Throws std::runtime_error naming the file and line on malformed input.
  static ChannelModel load(const std::filesystem::path& path);

  const ChannelCounts& counts() const { return counts_; }

 private:
  float emission_log_prob(char32_t clean, std::u32string_view emitted) const;

  // An emission (clean character, up to 3 OCR code points) packed in 128 bits.
  struct EmissionKey {
    uint64_t emitted;  // code points, 21 bits each, plus the length in the top bits
    uint32_t clean;
    bool operator==(const EmissionKey&) const = default;
  };
  struct EmissionKeyHash {
    size_t operator()(const EmissionKey& k) const { return k.emitted * 0x9E3779B97F4A7C15ULL ^ k.clean; }
  };
  static EmissionKey key(char32_t clean, std::u32string_view emitted);
  // Per clean character: log10 of the smoothing denominator.
  std::unordered_map<char32_t, float> log_denominator_;
  std::unordered_map<EmissionKey, float, EmissionKeyHash> counted_;  // log10 P of counted emissions

  ChannelCounts counts_;
};

}  // namespace vn::restore
