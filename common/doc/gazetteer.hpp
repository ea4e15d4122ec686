// The administrative units of Viet Nam (provinces, districts, communes,
// before and after the July 2025 reform) and a fuzzy lookup that reads
// place names damaged by OCR: "Lam Pong" -> tỉnh Lâm Đồng, "Pong Théap" ->
// tỉnh Đồng Tháp. The units come from models/gazetteer.tsv, which
// scripts/make-gazetteer derives from the corpus (models/README.md).
//
// Matching is on folded text (lower case, no diacritics; đ kept apart from
// d so that "Pong" can be read as "Đồng" but "Dong" is not charged for the
// missing stroke) with an edit distance in which the confusions OCR makes
// cost less than other edits: đ read as p, b or d; l, i, 1 and j; o, 0 and 6;
// "rn" for m, "cl" for d, "ii" for u; a dropped space; the substitutions
// models/channel.tsv sees most often (o as e, u as i, x as v, ...); the
// spellings c/k and i/y. Each name allows a distance that grows with its
// length, less for districts and less still for communes (there are
// thousands), and short names must match almost exactly, so that ordinary
// words ("bao cao", "Hoi dong") match nothing. Matching is exact: the
// bigram index that picks the names to compare never drops one within
// its limit.
//
// A Gazetteer is immutable once loaded; lookups on one from many threads
// at once are safe.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vn::doc {

enum class UnitLevel : uint8_t { kProvince = 0, kDistrict = 1, kCommune = 2 };

// When a unit existed, relative to the reform of 1 July 2025 (63 provinces
// merged into 34, districts abolished, communes merged).
enum class UnitEra : uint8_t { kBefore2025 = 0, kAfter2025 = 1, kBoth = 2 };

// "province", "district", "commune"; "before-2025", "after-2025", "both":
// the words of gazetteer.tsv.
std::string_view to_string(UnitLevel level);
std::string_view to_string(UnitEra era);

// A unit. Its text views into the Gazetteer that holds it, and are valid
// as long as that lives.
struct AdminUnit {
  UnitLevel level = UnitLevel::kProvince;
  UnitEra era = UnitEra::kBoth;
  std::string_view kind;      // the unit word, lower case: "tỉnh", "thành phố", "huyện", "xã", ...
  std::string_view name;      // NFC, without the unit word: "Lâm Đồng"
  std::string_view province;  // the parent province; empty for a province (see gazetteer.tsv's header)

  // The province it lies in: its parent, or itself for a province.
  std::string_view province_name() const { return level == UnitLevel::kProvince ? name : province; }
  bool existed_before_2025() const { return era != UnitEra::kAfter2025; }
  bool exists_after_2025() const { return era != UnitEra::kBefore2025; }
  // "tỉnh Lâm Đồng", "huyện Đức Trọng".
  std::string full_name() const { return std::string(kind) + " " + std::string(name); }
};

// Level masks for PlaceQuery::levels.
inline constexpr uint8_t kProvinces = 1, kDistricts = 2, kCommunes = 4, kAnyLevel = 7;
inline constexpr uint8_t level_bit(UnitLevel level) { return static_cast<uint8_t>(1u << static_cast<int>(level)); }

// Which units a lookup may return. The views need only outlive the call.
struct PlaceQuery {
  uint8_t levels = kAnyLevel;  // kProvinces | kDistricts | kCommunes
  // Only units of this kind ("tỉnh", "thanh pho": any case, diacritics
  // optional); empty: any kind.
  std::string_view kind;
  // Only units in this province (a province: itself); diacritics optional;
  // empty: any province.
  std::string_view province;
  // kBefore2025 or kAfter2025: only units that existed then; kBoth: any.
  UnitEra era = UnitEra::kBoth;
  // When not negative, a match must also be within this distance (0: the
  // same letters, folded), for callers that want more certainty than the
  // names' limits give.
  double max_distance = -1;
};

struct PlaceMatch {
  const AdminUnit* unit = nullptr;  // points into the Gazetteer that returned it
  // The OCR edit distance between the text and the unit's name, folded:
  // 0 when they are the same letters ("Lam Dong"), 0.25 for "Lam Pong".
  // A unit word the text began with and the unit does not have (text
  // "tỉnh Đà Nẵng", unit thành phố Đà Nẵng) adds 0.2.
  double distance = 0;
  double limit = 0;  // the most distance the unit allows (limit_of)
  // Other units the text matches as closely: the same name elsewhere
  // ("Châu Thành" in many provinces) or another name at the same distance.
  int alternatives = 0;
  // Whether one of the alternatives has another name (folded); a caller
  // that needs certainty can refuse such a match.
  bool ambiguous = false;
};

class Gazetteer {
 public:
  Gazetteer() = default;  // no units: every lookup finds nothing
  Gazetteer(Gazetteer&&) = default;
  Gazetteer& operator=(Gazetteer&&) = default;
  Gazetteer(const Gazetteer&) = delete;  // units view into its text: moved, not copied
  Gazetteer& operator=(const Gazetteer&) = delete;

  // Reads a gazetteer.tsv: lines "level<TAB>kind<TAB>name<TAB>province<TAB>era",
  // '#' comments and blank lines skipped. The file is memory-mapped for the
  // Gazetteer's life: replace it by renaming a new one over it (as
  // scripts/make-gazetteer does), not by writing into it. Throws std::runtime_error naming
  // the file and the 1-based line ("models/gazetteer.tsv:12: unknown level
  // \"town\"") for a line that is not five fields, an unknown level, kind or
  // era, a kind that the level cannot have (a "xã" province), an empty name,
  // a province missing (or given, for a province), or text that is not
  // UTF-8; and naming the file when it cannot be read or holds no unit.
  static Gazetteer load(const std::filesystem::path& tsv);

  // The same from the text of such a file; `source` names it in errors.
  static Gazetteer parse(std::string_view tsv, std::string_view source);

  // The unit whose name is closest to `text` (damaged by OCR, any case,
  // diacritics optional, optionally led by a unit word: "tỉnh Lâm Đồng",
  // "TP Hồ Chí Minh", "huyen Duc Trong"; "TP.HCM", "TT-Huế" and "BR-VT"
  // read as the names they abbreviate) among those `query` allows, or
  // nullopt when none is close enough. Ties go to the unit whose name,
  // with its diacritics, ends the text as written ("Thạnh Hòa" is not
  // "Thanh Hóa"), then to the higher level (province, then district, then
  // commune), then to units that still exist, then to file order. A
  // leading unit word keeps the lookup to the levels that can have it and
  // prefers the units that do; the text is also tried whole, as a name
  // ("Quan Sơn" is a name, not "quận Sơn"). Text that is not valid UTF-8,
  // or has fewer than two letters, matches nothing. Takes microseconds: a
  // few for provinces and districts only, up to a few tens with communes.
  std::optional<PlaceMatch> lookup(std::string_view text, const PlaceQuery& query = {}) const;

  const std::vector<AdminUnit>& units() const { return units_; }

  // The levels (kProvinces | kDistricts) of the provinces and districts
  // whose name, in capitals, is `upper` exactly, marks and all ("LÂM
  // ĐỒNG"); 0 when none is. A hash lookup: a filter before lookup() for
  // text that must be such a unit's very name. (Communes are left out:
  // thousands of names to put in capitals at every load, for no caller.)
  uint8_t levels_named(std::string_view upper) const;

  // How many units of `level` existed in `era` (kBefore2025: before the
  // reform, those of era "both" included; kAfter2025: after; kBoth: all).
  size_t count(UnitLevel level, UnitEra era = UnitEra::kBoth) const;

  // The OCR edit distance lookup() finds between a unit named `name` and
  // `text` (both any case, diacritics optional, no unit word), or
  // infinity when it is over 4.
  static double match_distance(std::string_view name, std::string_view text);

  // The most distance a unit of `level` named `name` allows: it grows
  // with the name's length, and is smaller for communes (thousands of
  // names, so that ordinary words are near some).
  static double limit_of(std::string_view name, UnitLevel level);

  // The folded form that names are compared in: lower case, diacritics
  // removed except that đ becomes '#', apostrophes dropped, other
  // punctuation and runs of spaces one space ("Bà Rịa - Vũng Tàu" -> "ba
  // ria vung tau", "M'Đrắk" -> "m#rak"); empty for invalid UTF-8.
  static std::string match_key(std::string_view text);

 private:
  // A distinct folded name and the units that have it.
  struct Key {
    uint32_t text_offset = 0;                 // of its match_key in key_text_
    uint16_t text_size = 0;
    uint32_t first_unit = 0, unit_count = 0;  // in key_units_
    uint32_t first_bigram = 0;                // in key_bigrams_, bigrams of them
    uint16_t letters = 0;                     // length without spaces
    uint16_t bigrams = 0;                     // distinct bigrams of the index form (see gazetteer.cpp)
    uint8_t levels = 0;                       // level bits of its units
    float limit = 0;                          // the most distance one of its units allows
  };
  struct Candidate;
  static Gazetteer parse_owned(std::shared_ptr<const char> text, size_t size, std::string_view source);
  std::string_view text_of(const Key& k) const { return std::string_view(key_text_).substr(k.text_offset, k.text_size); }
  void build_index();
  void gather(std::string_view key, uint8_t levels, double base, std::vector<Candidate>& out) const;

  std::shared_ptr<const char> text_;  // the file's text (mapped or copied), which units_ view into
  std::vector<AdminUnit> units_;
  std::vector<uint8_t> kind_ids_;      // per unit: index in the table of unit words
  std::vector<uint16_t> province_ids_;  // per unit: index in province_keys_ (a province: its own name)
  std::vector<std::string> province_keys_;
  std::vector<Key> keys_;
  std::unordered_map<std::string, uint8_t> upper_names_;  // a province's or district's name in capitals -> level bits
  std::string key_text_;                  // the keys' match_keys, one after another
  std::vector<uint32_t> key_units_;       // unit ids grouped by key (Key::first_unit, Key::unit_count)
  std::vector<uint16_t> key_bigrams_;     // each key's distinct bigrams, sorted
  std::vector<uint32_t> few_level_keys_;  // the keys of provinces and districts
  std::vector<uint32_t> bigram_offsets_;  // CSR: the keys holding each bigram (see gazetteer.cpp)
  std::vector<uint32_t> bigram_keys_;
};

}  // namespace vn::doc
