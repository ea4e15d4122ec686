// Vietnamese personal names: the syllables that stand as surnames, middle
// names and given names, with how often each does (models/names.tsv, which
// scripts/make-names derives from the corpus), for reading a name that
// restoration took for common words: OCR "Phan Minh Vu" restored as
// "Phần Mình Và", "Vu Ba Hai" as "Vì Bà Hai".
//
// A PersonNames is immutable once loaded; reading from many threads at
// once is safe.
#pragma once
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "doc/reference_lists.hpp"

namespace vn::doc {

class PersonNames {
 public:
  PersonNames() = default;  // no names: read() returns its input

  // Reads a names.tsv: "#" comment lines, then "role<TAB>syllable<TAB>count"
  // lines, role one of surname, middle, given, and given.f, given.m,
  // middle.f (scripts/make-names: each given name counted as a woman's
  // and as a man's, and the names with that middle name whose given name
  // leans female). A syllable's spellings with the tone on another vowel
  // count as one, written as restoration writes it ("Hoà" as "Hòa":
  // vi::traditional_tone). Throws std::runtime_error
  // naming the file and the 1-based line for a malformed line, and naming
  // the file when it cannot be read.
  static PersonNames load(const std::filesystem::path& tsv);
  // The same from the text of such a file; `source` names it in errors.
  static PersonNames parse(std::string_view tsv, std::string_view source);

  // `name`, two to four capitalised words, with each word read in its role
  // (the first a surname, the last a given name, the others middle names):
  // the syllable of that role that folds as it does (no diacritics, any
  // case) and is seen most often there, unless the word itself is seen
  // there at least half as often ("Hùng" stays, as "Hưng" is about as
  // common; "Mình" becomes "Minh"). A word with no such syllable stays.
  // Other text is returned as it is. With `ocr`, the name as OCR read it
  // before restoration, of as many words: each word's syllables are those
  // that fold as the OCR's word does, when there are any ("Vì Bà Hai" from
  // OCR "Vu Ba Hai" -> "Vũ Bá Hải"). REQUIRES: valid UTF-8.
  //
  // With `likelihood` too, each word of the OCR is read as the syllable of
  // its role that best explains it, by the channel times how often the
  // syllable is seen in that role, among the syllables whose folded form is
  // at most two edits from the OCR's (one for three letters or fewer):
  // OCR "Huynb Anh Minh" -> "Huỳnh Anh Minh", "Hung" -> "Hùng" or "Hưng" as
  // the OCR engine and the names decide. A word with no such syllable is
  // read as without it. A word that is a syllable, as the OCR spells it,
  // but no name of its role that we know is a rare name and stays, unless
  // a name we know explains the OCR better even against a rare name's
  // small share ("Phan Minh Va", restored "Và": "Vũ"). The given name is
  // read by how often it is a woman's and a man's, weighed by how surely
  // the middle names read make the name a woman's (femaleness()): "Đặng
  // Thu Quyén" -> "Quyên", "Phạm Văn Quyén" -> "Quyền".
  std::string read(std::string_view name, std::string_view ocr = {}, const OcrLikelihood* likelihood = nullptr) const;

  size_t size() const { return size_; }

  // How surely a name with this middle name is a woman's, 0 to 1: the
  // share of its names whose given name leans female, rescaled so that
  // the share of "Văn" is 0 and that of "Thị" is 1 ("Thu" 1, "Kim" 0.7,
  // "Hồng" 0.4, "Đức" 0.1). 0.5 (no telling) for a middle name we do not
  // know or without the given.f, given.m and middle.f counts.
  float femaleness(std::string_view middle) const;

 private:
  struct Syllable {
    std::string text;
    uint32_t count;
  };
  // A syllable of a role as the channel reading scores it.
  struct Scored {
    std::string text;
    std::u32string lower;
    std::string folded;
    float log_share;  // log10 of its share of the role's names
    // Given names: its share of women's and of men's given names (linear,
    // not log; weigh_by_gender).
    float share_female = 0, share_male = 0;
  };
  // Gender counts (given.f, given.m, middle.f), by syllable.
  struct GenderCounts {
    std::unordered_map<std::string, uint32_t> given_female, given_male, middle_female;
  };
  void weigh_by_gender(const GenderCounts& counts);
  // The syllable of `role` that best explains the OCR word `ocr`, which
  // restoration read as `restored`, or nullptr when none is close or the
  // word is a name we do not know that explains the OCR best (read() with
  // a likelihood).
  // `female`: for the given name, how surely the name is a woman's
  // (femaleness()), which weighs the given names' shares; ignored for
  // other roles.
  const std::string* read_by_channel(size_t role, std::string_view ocr, std::string_view restored,
                                     const OcrLikelihood& likelihood, float female) const;

  // By role, folded form -> its syllables, most frequent first.
  std::array<std::unordered_map<std::string, std::vector<Syllable>>, 3> roles_;
  std::array<std::vector<Scored>, 3> scored_;  // by role
  std::unordered_map<std::string, float> femaleness_;  // by middle name
  bool by_gender_ = false;  // the given names have gender shares
  size_t size_ = 0;
};

}  // namespace vn::doc
