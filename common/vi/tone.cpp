#include "vi/tone.hpp"

#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "vi/letters.hpp"

namespace vn::vi {
namespace {

struct Nucleus {
  size_t begin = 0, end = 0;  // [begin, end) indices of the vowel letters
};

bool is_vowel(char32_t cp) { return decompose_vowel(cp).has_value(); }

// The vowel run of `w`, with the u of "qu" and the i of "gi" moved to the
// onset. Returns false when the vowels are not one contiguous run.
bool find_nucleus(std::u32string_view w, Nucleus& n) {
  size_t i = 0;
  while (i < w.size() && !is_vowel(w[i])) ++i;
  if (i == w.size()) return false;
  n.begin = i;
  while (i < w.size() && is_vowel(w[i])) ++i;
  n.end = i;
  for (; i < w.size(); ++i)
    if (is_vowel(w[i])) return false;
  if (n.end - n.begin > 1 && n.begin == 1) {
    const char32_t c0 = text::lower(w[0]), v0 = text::lower(w[1]);
    if ((c0 == U'q' && v0 == U'u') || (c0 == U'g' && v0 == U'i')) ++n.begin;
  }
  return true;
}

size_t tone_position(std::u32string_view w, const Nucleus& n, bool traditional) {
  for (size_t k = n.end; k-- > n.begin;)
    if (has_quality_mark(text::lower(w[k]))) return k;
  if (n.end < w.size()) return n.end - 1;  // closed syllable
  const size_t len = n.end - n.begin;
  if (len >= 3) return n.begin + 1;
  if (len == 2 && !traditional) {
    const char32_t a = text::lower(w[n.begin]), b = text::lower(w[n.begin + 1]);
    const bool second = (a == U'o' && (b == U'a' || b == U'e')) || (a == U'u' && b == U'y');
    return second ? n.begin + 1 : n.begin;
  }
  return n.begin;
}

std::u32string place_tone(std::u32string_view syllable, bool traditional) {
  std::u32string w(syllable);
  Tone tone = Tone::kLevel;
  Nucleus n;
  if (strip_tones(w, tone) != 1 || !find_nucleus(w, n)) return std::u32string(syllable);
  const size_t pos = tone_position(w, n, traditional);
  w[pos] = compose_vowel(w[pos], tone);
  return w;
}

}  // namespace

std::u32string canonical_tone(std::u32string_view syllable) { return place_tone(syllable, false); }

std::u32string traditional_tone(std::u32string_view syllable) { return place_tone(syllable, true); }

std::string canonical_tone(std::string_view syllable_utf8) {
  if (text::is_ascii(syllable_utf8)) return std::string(syllable_utf8);  // no tone marks
  return text::to_utf8(canonical_tone(text::to_u32(syllable_utf8)));
}

}  // namespace vn::vi
