// The Vietnamese alphabet as data: the twelve vowel letters, each with
// its six tones, and the mapping from any toned vowel to (vowel, tone).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace vn::vi {

// Tones in the conventional order. kLevel (ngang) has no mark.
enum class Tone : uint8_t { kLevel = 0, kGrave = 1, kAcute = 2, kHook = 3, kTilde = 4, kDot = 5 };

struct ToneDecomposition {
  char32_t vowel;  // toneless vowel letter, same case as the input: a ă â e ê i o ô ơ u ư y
  Tone tone;
};

// (vowel, tone) for any of the 144 Vietnamese vowel letters (upper or lower
// case, NFC); nullopt for every other code point.
std::optional<ToneDecomposition> decompose_vowel(char32_t cp);

// The letter for `vowel` (toneless, either case) carrying `tone`.
// REQUIRES: decompose_vowel(vowel) has tone kLevel.
char32_t compose_vowel(char32_t vowel, Tone tone);

// Removes every tone mark from `syllable` in place, leaving the toneless
// vowels; `tone` receives the (last) tone removed. Returns how many tone
// marks there were (a well-formed syllable has at most one).
int strip_tones(std::u32string& syllable, Tone& tone);

// Vowel letters that carry a quality mark (ă â ê ô ơ ư), lower case.
bool has_quality_mark(char32_t toneless_lower_vowel);

// Removes every diacritic from a Latin letter (đ -> d, ộ -> o, é -> e),
// keeping case; other code points are returned unchanged.
char32_t strip_diacritics(char32_t cp);

}  // namespace vn::vi
