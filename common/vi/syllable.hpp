// The structure of a written Vietnamese syllable: onset + rhyme + tone.
//
// A syllable is parsed by the phonotactic template
//     onset? (medial? nucleus coda?) tone
// over the segment inventories of Vietnamese orthography (onsets such as
// "ngh", "qu", "gi"; medials o/u; nuclei including the diphthongs iê/ia/yê/
// ya/uô/ua/ươ/ưa; codas c ch m n ng nh p t i y o u) and its constraints
// (ă, â and the closed diphthongs need a coda; stop codas c ch p t take
// only the acute or dot tone; k/gh/ngh before front vowels, c/g/ng
// elsewhere). Which of the well-formed syllables actually occur is a
// question for the corpus: see restore/lexicon.hpp.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "vi/letters.hpp"

namespace vn::vi {

struct Syllable {
  std::u32string onset;   // "" for vowel-initial syllables; "gi", "qu", "ngh", ...
  std::u32string medial;  // "", "o" or "u"
  std::u32string nucleus; // toneless: "a", "ươ", "iê", ...
  std::u32string coda;    // "", "ng", "ch", "i", ...
  Tone tone = Tone::kLevel;

  std::u32string rhyme() const { return medial + nucleus + coda; }
};

// Parses a lower-case NFC syllable. Returns nullopt when it does not fit
// the template (e.g. "thiéng": the nucleus "ie" needs its circumflex).
std::optional<Syllable> parse_syllable(std::u32string_view lower);
std::optional<Syllable> parse_syllable(std::string_view lower_utf8);

// Writes a parsed syllable back, tone in canonical position (vi/tone.hpp).
std::string spell(const Syllable& s);

}  // namespace vn::vi
