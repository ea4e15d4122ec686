#include "vi/syllable.hpp"

#include <array>

#include "text/utf8.hpp"
#include "vi/tone.hpp"

namespace vn::vi {
namespace {

// Longest first, so that "ngh" wins over "ng" and "n".
constexpr std::array<std::u32string_view, 27> kOnsets = {
    U"ngh", U"ng", U"nh", U"ch", U"gh", U"gi", U"kh", U"ph", U"qu", U"th", U"tr", U"b", U"c", U"d",
    U"đ",   U"g",  U"h",  U"k",  U"l",  U"m",  U"n",  U"p",  U"r",  U"s",  U"t",  U"v", U"x",
};
constexpr std::array<std::u32string_view, 20> kNuclei = {
    U"iê", U"yê", U"uô", U"ươ", U"ia", U"ya", U"ua", U"ưa", U"a", U"ă", U"â", U"e", U"ê", U"i", U"y", U"o", U"ô", U"ơ", U"u", U"ư",
};
constexpr std::array<std::u32string_view, 13> kCodas = {
    U"", U"ch", U"ng", U"nh", U"c", U"m", U"n", U"p", U"t", U"i", U"y", U"o", U"u",
};

bool starts_with(std::u32string_view s, std::u32string_view p) { return s.substr(0, p.size()) == p; }
bool is_front(char32_t c) { return c == U'i' || c == U'e' || c == U'ê' || c == U'y'; }
bool is_stop(std::u32string_view coda) { return coda == U"c" || coda == U"ch" || coda == U"p" || coda == U"t"; }
bool is_semivowel(std::u32string_view coda) { return coda == U"i" || coda == U"y" || coda == U"o" || coda == U"u"; }

bool medial_fits(std::u32string_view medial, std::u32string_view nucleus) {
  if (medial.empty()) return true;
  if (medial == U"o") return nucleus == U"a" || nucleus == U"ă" || nucleus == U"e";
  return nucleus == U"â" || nucleus == U"ê" || nucleus == U"y" || nucleus == U"ơ" || nucleus == U"yê" ||
         nucleus == U"ya" || nucleus == U"a";  // medial u
}

bool coda_fits(std::u32string_view nucleus, std::u32string_view coda) {
  const bool open_diphthong = nucleus == U"ia" || nucleus == U"ya" || nucleus == U"ua" || nucleus == U"ưa";
  const bool closed_diphthong = nucleus == U"iê" || nucleus == U"yê" || nucleus == U"uô" || nucleus == U"ươ";
  if (open_diphthong) return coda.empty();
  if (closed_diphthong && coda.empty()) return false;
  if ((nucleus == U"ă" || nucleus == U"â") && coda.empty()) return false;
  if (nucleus == U"ă" && is_semivowel(coda)) return false;
  if ((coda == U"ch" || coda == U"nh") && !(nucleus == U"a" || nucleus == U"ê" || nucleus == U"i" || nucleus == U"y"))
    return false;
  if (coda == U"y" && !(nucleus == U"a" || nucleus == U"â")) return false;
  if (coda == U"i" && (nucleus == U"i" || nucleus == U"y" || nucleus == U"e" || nucleus == U"ê" || nucleus == U"iê"))
    return false;
  if (coda == U"o" && !(nucleus == U"a" || nucleus == U"e")) return false;
  if (coda == U"u" && (nucleus == U"u" || nucleus == U"ô" || nucleus == U"o" || nucleus == U"ơ" || nucleus == U"uô" ||
                       nucleus == U"e" || nucleus == U"ă"))
    return false;
  return true;
}

// Splits a toneless rhyme into medial + nucleus + coda.
bool split_rhyme(std::u32string_view rhyme, Syllable& s) {
  for (std::u32string_view medial : {std::u32string_view(), std::u32string_view(U"o"), std::u32string_view(U"u")}) {
    if (!starts_with(rhyme, medial)) continue;
    const std::u32string_view rest = rhyme.substr(medial.size());
    for (std::u32string_view nucleus : kNuclei) {
      if (!starts_with(rest, nucleus)) continue;
      const std::u32string_view coda = rest.substr(nucleus.size());
      bool known_coda = false;
      for (auto c : kCodas) known_coda |= c == coda;
      if (!known_coda || !medial_fits(medial, nucleus) || !coda_fits(nucleus, coda)) continue;
      s.medial = medial;
      s.nucleus = nucleus;
      s.coda = coda;
      return true;
    }
  }
  return false;
}

bool spelling_fits(const Syllable& s) {
  const std::u32string rhyme = s.rhyme();
  const char32_t first = rhyme.empty() ? 0 : rhyme[0];
  if (s.onset == U"k" || s.onset == U"gh" || s.onset == U"ngh") return is_front(first);
  if (s.onset == U"c" || s.onset == U"g" || s.onset == U"ng") return !is_front(first) && first != 0;
  if (s.onset == U"qu") return !s.medial.empty() ? false : first != U'u' && first != U'o';
  return true;
}

}  // namespace

std::optional<Syllable> parse_syllable(std::u32string_view lower) {
  std::u32string w(lower);
  Syllable s;
  if (w.empty() || w.size() > 8 || strip_tones(w, s.tone) > 1) return std::nullopt;
  for (std::u32string_view onset : kOnsets) {
    if (!starts_with(w, onset)) continue;
    std::u32string rhyme = w.substr(onset.size());
    if (onset == U"gi" && (rhyme.empty() || !decompose_vowel(rhyme[0]))) rhyme.insert(0, 1, U'i');  // gì, gìn: shared i
    if (rhyme.empty()) continue;
    s.onset = onset;
    if (split_rhyme(rhyme, s)) break;
    s.onset.clear();
  }
  if (s.nucleus.empty() && !split_rhyme(w, s)) return std::nullopt;
  if (!spelling_fits(s)) return std::nullopt;
  if (is_stop(s.coda) && s.tone != Tone::kAcute && s.tone != Tone::kDot) return std::nullopt;
  return s;
}

std::optional<Syllable> parse_syllable(std::string_view lower_utf8) {
  if (lower_utf8.empty() || lower_utf8.size() > 32) return std::nullopt;
  return parse_syllable(text::to_u32(lower_utf8));
}

std::string spell(const Syllable& s) {
  std::u32string w = s.onset;
  std::u32string rhyme = s.rhyme();
  if (s.onset == U"gi" && rhyme.size() > 1 && rhyme[0] == U'i' && !decompose_vowel(rhyme[1])) rhyme.erase(0, 1);
  else if (s.onset == U"gi" && rhyme == U"i") rhyme.clear();
  w += rhyme;
  // Put the tone on any vowel; canonical_tone moves it to its place.
  for (char32_t& c : w) {
    if (decompose_vowel(c) && s.tone != Tone::kLevel) {
      c = compose_vowel(c, s.tone);
      break;
    }
  }
  return canonical_tone(text::to_utf8(w));
}

}  // namespace vn::vi
