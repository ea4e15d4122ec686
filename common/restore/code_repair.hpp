// Repair of OCR damage inside document codes ("2098-QB/TU" -> "2098-QĐ/TU").
//
// A code token (vi::TokenKind::kCode) is cut at '-' and '/'; its parts
// that contain a letter ("QĐ", "TU", "NĐ", "CP", "UBND", "TTg", "QH15")
// are its letter parts. Training counts the letter parts of the clean
// corpus's codes, and its abbreviations written as words ("ĐBQH",
// "MTTQ"), which the restorer repairs alike, case-sensitively
// (restore/train/code_parts_builder.hpp); the counts are
// models/code_parts.tsv.
//
// Repair rewrites each letter part on its own, through the confusions of
// tesseract's English model, from the OCR side to the Vietnamese side only
// (an English OCR never emits the Vietnamese letters, so a part that has
// them was not damaged this way):
//   B D P O 0 -> Đ      b d p o -> đ
//   U -> Ư   O -> Ô Ơ   A -> Â Ă   E -> Ê   (and the same in lower case)
// A candidate is the part with at most two such substitutions. The rule:
//   score(q) = log count(q) - substitutions(q) * log kSubstitutionRatio
// and the part itself scores log count(part) (-inf when unknown). The best
// candidate replaces the part only when it scores strictly higher, that is
// when count(q) > count(part) * kSubstitutionRatio^substitutions. So a
// known part stays unless a reachable part is kSubstitutionRatio (20) times
// more frequent per change: "QD" (rare) -> "QĐ", "ND" -> "NĐ" (150 times
// rarer), but "BC" stays (its "ĐC" is rarer), "HD" stays, "TU" stays (its
// "TƯ" is rarer). Ties go to fewer substitutions, then the higher count,
// then the byte-wise smaller spelling. Digits, separators and parts without
// letters are never changed, so "25/10/2017" is returned as it is.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vn::restore {

class CodeRepair {
 public:
  struct Entry {
    std::string part;
    uint64_t count = 0;
  };

  static constexpr double kSubstitutionRatio = 20.0;  // count ratio one substitution must win by
  static constexpr size_t kMaxSubstitutions = 2;
  static constexpr size_t kMaxPartLength = 24;  // code points; longer parts are left alone
  static constexpr uint64_t kUnknownAbbreviationCount = 5;

  CodeRepair() = default;
  // Entries in any order; kept sorted by descending count, ties by part.
  explicit CodeRepair(std::vector<Entry> entries);

  // Reads "part<TAB>count" lines (restore/train/code_parts_builder.hpp
  // writes them). Throws std::runtime_error naming the file and line on
  // malformed input (and when the file cannot be opened).
  static CodeRepair load(const std::filesystem::path& path);

  // The code with each letter part replaced by its repair (see above),
  // and a quote read for a slash written as one (with_slashes).
  // REQUIRES: valid UTF-8.
  std::string repair(std::string_view code) const;
  // One letter part (no '-' or '/'); the part itself scores as if seen
  // at least `unknown_count` times.
  std::string repair_part(std::string_view part, uint64_t unknown_count = 0) const;
  // An abbreviation written as a word ("DBQH" -> "ĐBQH"), repaired as a
  // part, except that an unknown one is taken as seen
  // kUnknownAbbreviationCount times: a word may well be a foreign
  // abbreviation the corpus lacks ("CBS" stays, its "CĐS" seen only 22
  // times; "DBQH" becomes "ĐBQH", seen 145 times).
  std::string repair_abbreviation(std::string_view word) const {
    return repair_part(word, kUnknownAbbreviationCount);
  }

  uint64_t count(std::string_view part) const;
  size_t size() const { return entries_.size(); }
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  std::vector<Entry> entries_;
  std::unordered_map<std::string, uint64_t> counts_;
};

// Calls f(part, end) for each part of `code` between '-' and '/'
// separators, empty ones included; `end` is the offset of the separator
// after the part (code.size() after the last).
template <typename F>
void for_each_code_part(std::string_view code, F&& f) {
  size_t start = 0;
  for (size_t i = 0; i <= code.size(); ++i) {
    if (i == code.size() || code[i] == '-' || code[i] == '/') {
      f(code.substr(start, i - start), i);
      start = i + 1;
    }
  }
}

// `code` with each quote an OCR engine reads for a slash (' ` ‘ ’) a
// slash: "17-KL‘TU" -> "17-KL/TU" (restore/ocr_symbols.hpp joins such a
// code into one token).
std::string with_slashes(std::string_view code);

}  // namespace vn::restore
