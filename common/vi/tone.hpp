// Canonical tone-mark placement for Vietnamese syllables.
//
// The same syllable is written with its tone on different vowels
// ("hóa"/"hoá", "thủy"/"thuỷ", "khỏe"/"khoẻ"). Search must treat them as one
// word, so every syllable is rewritten to one canonical placement: the
// "new style" rule (tone on the vowel with a quality mark; else on the last
// vowel before a final consonant; else the middle of three vowels; else the
// second of oa/oe/uy and the first of other pairs).
#pragma once
#include <string>
#include <string_view>

namespace vn::vi {

// Rewrites `syllable` (either case) with its tone on the canonical vowel.
// Words that are not Vietnamese syllables in shape (no tone, several tones,
// vowels not contiguous) are returned unchanged.
std::u32string canonical_tone(std::u32string_view syllable);
std::string canonical_tone(std::string_view syllable_utf8);

// Rewrites `syllable` with the placement most documents use: as
// canonical_tone(), except that an open syllable of two vowels carries
// its tone on the first ("hòa", "khỏe", "thủy", not "hoà", "khoẻ",
// "thuỷ"): 85-95 % of each of these in every part of ../shared/corpus.
// The restorer writes the syllables it chooses so.
std::u32string traditional_tone(std::u32string_view syllable);

}  // namespace vn::vi
