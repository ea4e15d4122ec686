#include "vi/letters.hpp"

#include <utf8proc.h>

#include <array>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace vn::vi {
namespace {

// One row per vowel letter: level, grave, acute, hook, tilde, dot.
constexpr std::array<std::u32string_view, 12> kVowelRows = {
    U"aàáảãạ", U"ăằắẳẵặ", U"âầấẩẫậ", U"eèéẻẽẹ", U"êềếểễệ", U"iìíỉĩị",
    U"oòóỏõọ", U"ôồốổỗộ", U"ơờớởỡợ", U"uùúủũụ", U"ưừứửữự", U"yỳýỷỹỵ",
};

// Every Vietnamese letter lies below U+1F00, so flat tables indexed by code
// point answer the hot-path questions without hashing.
constexpr char32_t kTableLimit = 0x1F00;

char32_t strip_with_utf8proc(char32_t cp) {
  utf8proc_int32_t buf[8];
  int last_boundclass = 0;
  const auto n = utf8proc_decompose_char(
      static_cast<utf8proc_int32_t>(cp), buf, 8,
      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK), &last_boundclass);
  return n == 1 ? static_cast<char32_t>(buf[0]) : cp;
}

struct Tables {
  std::vector<ToneDecomposition> decompose;  // vowel == 0: not a vowel letter
  std::vector<char32_t> stripped;
  std::unordered_map<char32_t, std::array<char32_t, 6>> compose;

  Tables() : decompose(kTableLimit, ToneDecomposition{0, Tone::kLevel}), stripped(kTableLimit) {
    for (auto row : kVowelRows) {
      for (bool up : {false, true}) {
        std::array<char32_t, 6> toned{};
        for (size_t t = 0; t < 6; ++t) toned[t] = up ? text::upper(row[t]) : row[t];
        for (size_t t = 0; t < 6; ++t) decompose[toned[t]] = {toned[0], static_cast<Tone>(t)};
        compose[toned[0]] = toned;
      }
    }
    for (char32_t cp = 0; cp < kTableLimit; ++cp) stripped[cp] = cp < 0x80 ? cp : strip_with_utf8proc(cp);
    stripped[U'đ'] = U'd';
    stripped[U'Đ'] = U'D';
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

}  // namespace

std::optional<ToneDecomposition> decompose_vowel(char32_t cp) {
  if (cp >= kTableLimit) return std::nullopt;
  const ToneDecomposition& d = tables().decompose[cp];
  if (d.vowel == 0) return std::nullopt;
  return d;
}

char32_t compose_vowel(char32_t vowel, Tone tone) {
  return tables().compose.at(vowel)[static_cast<size_t>(tone)];
}

int strip_tones(std::u32string& syllable, Tone& tone) {
  int toned = 0;
  for (char32_t& c : syllable) {
    if (auto d = decompose_vowel(c); d && d->tone != Tone::kLevel) {
      tone = d->tone;
      c = d->vowel;
      ++toned;
    }
  }
  return toned;
}

bool has_quality_mark(char32_t v) {
  return v == U'ă' || v == U'â' || v == U'ê' || v == U'ô' || v == U'ơ' || v == U'ư';
}

char32_t strip_diacritics(char32_t cp) {
  if (cp < 0x80) return cp;
  if (cp < kTableLimit) return tables().stripped[cp];
  return strip_with_utf8proc(cp);
}

}  // namespace vn::vi
