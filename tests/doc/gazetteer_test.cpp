// The gazetteer of administrative units: the shipped models/gazetteer.tsv,
// its fuzzy lookup of OCR-damaged place names, and its errors.
#include "doc/gazetteer.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <limits>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "test_util.hpp"

namespace {

// CPU time of this thread, in milliseconds: timings that other processes on
// a busy machine do not inflate.
double cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

using vn::doc::Gazetteer;
using vn::doc::kCommunes;
using vn::doc::kDistricts;
using vn::doc::kProvinces;
using vn::doc::PlaceQuery;
using vn::doc::UnitEra;
using vn::doc::UnitLevel;

std::filesystem::path shipped() { return vn::test::samples_dir().parent_path() / "models" / "gazetteer.tsv"; }

// Queries (built field by field: designated initializers that leave
// fields out draw -Wmissing-field-initializers).
PlaceQuery only(uint8_t levels, std::string_view province = {}, UnitEra era = UnitEra::kBoth) {
  PlaceQuery q;
  q.levels = levels;
  q.province = province;
  q.era = era;
  return q;
}

PlaceQuery of_kind(std::string_view kind) {
  PlaceQuery q;
  q.kind = kind;
  return q;
}

PlaceQuery within(double max_distance) {
  PlaceQuery q;
  q.max_distance = max_distance;
  return q;
}

const Gazetteer& gazetteer() {
  static const Gazetteer g = Gazetteer::load(shipped());
  return g;
}

// "tỉnh Lâm Đồng", "huyện Đức Trọng (Lâm Đồng)", or "nothing".
std::string found(std::string_view text, const PlaceQuery& q = {}) {
  const auto m = gazetteer().lookup(text, q);
  if (!m) return "nothing";
  std::string s = m->unit->full_name();
  if (!m->unit->province.empty()) s += " (" + std::string(m->unit->province) + ")";
  return s;
}

std::string error_of(std::string_view tsv) {
  try {
    Gazetteer::parse(tsv, "bad.tsv");
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "no error";
}

TEST(Gazetteer, ShippedFileHasEveryProvinceOfBothEras) {
  (void)gazetteer();  // the library's tables made (letters, costs) and the file in the page cache
  double ms = 1e9;
  for (int i = 0; i < 5; ++i) {
    const double t0 = cpu_ms();
    const Gazetteer loaded = Gazetteer::load(shipped());
    ms = std::min(ms, cpu_ms() - t0);
  }
  const Gazetteer& g = gazetteer();
  std::printf("loaded %zu units in %.2f ms CPU (best of 5)\n", g.units().size(), ms);

  EXPECT_EQ(g.count(UnitLevel::kProvince, UnitEra::kBefore2025), 63u);
  EXPECT_EQ(g.count(UnitLevel::kProvince, UnitEra::kAfter2025), 34u);
  EXPECT_EQ(g.count(UnitLevel::kDistrict, UnitEra::kAfter2025), 0u);  // abolished
  EXPECT_GT(g.count(UnitLevel::kDistrict), 300u);
  EXPECT_GT(g.count(UnitLevel::kCommune, UnitEra::kAfter2025), 3000u);  // of 3,321
  EXPECT_GT(g.count(UnitLevel::kCommune, UnitEra::kBefore2025), 7000u);

  std::set<std::string> before, after;
  for (const auto& u : g.units()) {
    EXPECT_FALSE(u.name.empty());
    if (u.level != UnitLevel::kProvince) continue;
    if (u.existed_before_2025()) before.emplace(u.name);
    if (u.exists_after_2025()) after.emplace(u.name);
  }
  for (const char* p : {"Hà Giang", "Bà Rịa - Vũng Tàu", "Thừa Thiên Huế", "Bình Định", "Hải Dương", "Lâm Đồng"})
    EXPECT_TRUE(before.count(p)) << p;
  for (const char* p : {"Tuyên Quang", "Huế", "Hồ Chí Minh", "Đồng Tháp", "Lâm Đồng", "Lạng Sơn"})
    EXPECT_TRUE(after.count(p)) << p;
  EXPECT_FALSE(after.count("Hà Giang"));
  EXPECT_FALSE(before.count("Huế"));  // the province was Thừa Thiên Huế
}

TEST(Gazetteer, ReadsDamagedPlaceNames) {
  EXPECT_EQ(found("Lam Pong"), "tỉnh Lâm Đồng");
  EXPECT_EQ(found("Pong Théap"), "tỉnh Đồng Tháp");
  EXPECT_EQ(found("Thanh Chuong"), "huyện Thanh Chương (Nghệ An)");
  EXPECT_EQ(found("Tuyen Quang"), "tỉnh Tuyên Quang");
  EXPECT_EQ(found("LAM DONG"), "tỉnh Lâm Đồng");
  EXPECT_EQ(found("Lâm Đồng"), "tỉnh Lâm Đồng");
  EXPECT_EQ(found("LamDong"), "tỉnh Lâm Đồng");  // words run together
  EXPECT_EQ(found("Pà Nẵng"), "thành phố Đà Nẵng");
  EXPECT_EQ(found("Thua Thien Hue"), "tỉnh Thừa Thiên Huế");
  EXPECT_EQ(found("Duc Trong"), "huyện Đức Trọng (Lâm Đồng)");
  EXPECT_EQ(found("Ha Tinh"), "tỉnh Hà Tĩnh");
  EXPECT_EQ(found("Quang Ngai"), "tỉnh Quảng Ngãi");
  EXPECT_EQ(found("Ba Ria - Vung Tau"), "tỉnh Bà Rịa - Vũng Tàu");
  EXPECT_EQ(found("Tuyên Quang", only(kCommunes)), "xã Tuyên Quang (Lâm Đồng)");
  EXPECT_EQ(found("Larn Dong"), "tỉnh Lâm Đồng");       // rn for m
  EXPECT_EQ(found("Ðà Nẵng"), "thành phố Đà Nẵng");     // eth for Đ
  EXPECT_EQ(found("Đắc Lắc"), "tỉnh Đắk Lắk");          // the old spelling
  EXPECT_EQ(found("TP.HCM"), "thành phố Hồ Chí Minh");  // abbreviations
  EXPECT_EQ(found("TT-Huế"), "tỉnh Thừa Thiên Huế");
  // Names that fold alike: the diacritics as written choose.
  const auto hoa = gazetteer().lookup("Thạnh Hòa");
  ASSERT_TRUE(hoa);
  EXPECT_EQ(hoa->unit->name, "Thạnh Hòa");
  EXPECT_TRUE(hoa->alternatives > 0);
  EXPECT_EQ(found("Thanh Hoa"), "tỉnh Thanh Hóa");
}

TEST(Gazetteer, ReadsAUnitWordBeforeTheName) {
  EXPECT_EQ(found("tỉnh Lâm Đồng"), "tỉnh Lâm Đồng");
  EXPECT_EQ(found("TINH LAM PONG"), "tỉnh Lâm Đồng");
  EXPECT_EQ(found("TP Hồ Chí Minh"), "thành phố Hồ Chí Minh");
  EXPECT_EQ(found("Thành phố Hồ Chí Minh"), "thành phố Hồ Chí Minh");
  EXPECT_EQ(found("huyen Duc Trong"), "huyện Đức Trọng (Lâm Đồng)");
  EXPECT_EQ(found("tỉnh Đà Nẵng"), "thành phố Đà Nẵng");  // the wrong unit word costs a little
  const auto m = gazetteer().lookup("tỉnh Đà Nẵng");
  ASSERT_TRUE(m);
  EXPECT_NEAR(m->distance, 0.2, 1e-6);
  EXPECT_EQ(found("huyện Lâm Đồng"), "nothing");  // no district of that name
}

TEST(Gazetteer, UnrelatedWordsMatchNothing) {
  for (const char* text : {"bao cao", "nghi quyet", "Nguyen Van", "BÁO CÁO", "Nghị quyết", "Nguyễn Văn", "ngay",
                           "thang 6 nam 2025", "ve viec", "Ban Chap hanh", "Uy ban nhan dan", "cong van", "Hoi dong",
                           "Thanh tra", "Kiem tra", "Chinh phu", "Trung uong", "Cong an", "Tinh uy", "", "a", "12"})
    EXPECT_EQ(found(text), "nothing") << text;
  EXPECT_EQ(found("\xff\xfe"), "nothing");  // not UTF-8
  // A province lookup does not settle for a district or a commune.
  EXPECT_EQ(found("Thanh Chuong", only(kProvinces)), "nothing");
  EXPECT_EQ(found("Lam Pong", only(kDistricts)), "nothing");
}

TEST(Gazetteer, ShortNamesMustMatchAlmostExactly) {
  EXPECT_EQ(found("Hue", only(kProvinces)), "thành phố Huế");
  EXPECT_EQ(found("Hua", only(kProvinces)), "nothing");
  EXPECT_EQ(found("Vinh", only(kDistricts)), "thành phố Vinh (Nghệ An)");
  EXPECT_EQ(found("Vlnh", only(kDistricts)), "thành phố Vinh (Nghệ An)");  // l for i
  EXPECT_EQ(found("Vanh", only(kDistricts)), "nothing");
}

TEST(Gazetteer, FiltersByKindProvinceAndEra) {
  EXPECT_EQ(found("Chau Thanh", only(kDistricts, "Long An")), "huyện Châu Thành (Long An)");
  EXPECT_EQ(found("Chau Thanh", only(kDistricts, "Tra Vinh")), "huyện Châu Thành (Trà Vinh)");
  const auto m = gazetteer().lookup("Chau Thanh", only(kDistricts));
  ASSERT_TRUE(m);
  EXPECT_GT(m->alternatives, 3);  // a district of many provinces
  EXPECT_FALSE(m->ambiguous);     // all of the same name
  EXPECT_EQ(found("Ha Giang", only(kProvinces, {}, UnitEra::kAfter2025)), "nothing");
  EXPECT_EQ(found("Ha Giang", only(kProvinces, {}, UnitEra::kBefore2025)), "tỉnh Hà Giang");
  EXPECT_EQ(found("Tuyen Quang", of_kind("xã")), "xã Tuyên Quang (Lâm Đồng)");
  EXPECT_EQ(found("Tuyen Quang", of_kind("tinh")), "tỉnh Tuyên Quang");
  EXPECT_EQ(found("Tuyen Quang", of_kind("no such word")), "nothing");
  EXPECT_EQ(found("Lam Pong", within(0.3)), "tỉnh Lâm Đồng");
  EXPECT_EQ(found("Lam Pong", within(0.2)), "nothing");
}

// The very name in capitals, marks and all, of a province or district.
TEST(Gazetteer, LevelsNamedInCapitals) {
  EXPECT_EQ(gazetteer().levels_named("LÂM ĐỒNG"), kProvinces);
  EXPECT_EQ(gazetteer().levels_named("CHÂU THÀNH"), kDistricts);
  EXPECT_EQ(gazetteer().levels_named("TUYÊN QUANG"), kProvinces);  // also a commune, not indexed
  EXPECT_EQ(gazetteer().levels_named("LAM DONG"), 0);
  EXPECT_EQ(gazetteer().levels_named("Lâm Đồng"), 0);
  EXPECT_EQ(Gazetteer().levels_named("LÂM ĐỒNG"), 0);
}

TEST(Gazetteer, MatchKeyFoldsButKeepsDStroke) {
  EXPECT_EQ(Gazetteer::match_key("Bà Rịa - Vũng Tàu"), "ba ria vung tau");
  EXPECT_EQ(Gazetteer::match_key("M'Đrắk"), "m#rak");
  EXPECT_EQ(Gazetteer::match_key("  LÂM   ĐỒNG. "), "lam #ong");
  EXPECT_EQ(Gazetteer::match_key("\xff"), "");
  EXPECT_EQ(Gazetteer::match_distance("Lâm Đồng", "Lam Dong"), 0);
  EXPECT_NEAR(Gazetteer::match_distance("Lâm Đồng", "Lam Pong"), 0.25, 1e-6);
  EXPECT_NEAR(Gazetteer::match_distance("Lâm Đồng", "Larn Dong"), 0.3, 1e-6);  // rn for m
  EXPECT_LT(Gazetteer::match_distance("Lâm Đồng", "Lam Pong"), Gazetteer::match_distance("Lâm Đồng", "Lam Tong"));
  EXPECT_TRUE(std::isinf(Gazetteer::match_distance("Lâm Đồng", "Nghị quyết số")));
}

// lookup() looks at the names that share enough bigrams with the text; it
// must find what comparing the text with every name finds.
TEST(Gazetteer, BigramFilterMissesNothing) {
  const Gazetteer& g = gazetteer();
  std::mt19937 rng(7);
  const std::string noise = "abcdeghiklmnopqrstuvxy016 ";
  int checked = 0, matched = 0;
  for (int n = 0; n < 300; ++n) {
    // A name with up to two random edits.
    std::string text = Gazetteer::match_key(g.units()[rng() % g.units().size()].name);
    for (int e = static_cast<int>(rng() % 3); e > 0 && !text.empty(); --e) {
      const size_t at = rng() % text.size();
      switch (rng() % 3) {
        case 0: text[at] = noise[rng() % noise.size()]; break;
        case 1: text.erase(at, 1); break;
        default: text.insert(at, 1, noise[rng() % noise.size()]);
      }
    }
    for (char& c : text)
      if (c == '#') c = "dpb"[rng() % 3];
    const auto m = g.lookup(text, only(kProvinces | kDistricts | kCommunes));
    double best = std::numeric_limits<double>::infinity();
    for (const auto& u : g.units()) {
      const double d = Gazetteer::match_distance(u.name, text);
      size_t letters = 0;
      for (char c : Gazetteer::match_key(u.name)) letters += (c >= 'a' && c <= 'z') || c == '#';
      if (letters == 0) continue;  // "Phường 5"
      if (d <= Gazetteer::limit_of(u.name, u.level) + 1e-4) best = std::min(best, d);
    }
    size_t letters = 0;
    for (char c : Gazetteer::match_key(text)) letters += (c >= 'a' && c <= 'z') || c == '#';
    if (letters < 2) continue;
    ++checked;
    ASSERT_EQ(m.has_value(), !std::isinf(best)) << text;
    if (m) {
      ++matched;
      EXPECT_NEAR(m->distance, best, 1e-4) << text;
    }
  }
  EXPECT_GT(checked, 250);
  EXPECT_GT(matched, 100);
}

TEST(Gazetteer, LookupsFromManyThreadsAgree) {
  const Gazetteer& g = gazetteer();
  const std::vector<std::string> texts = {"Lam Pong", "Pong Théap", "Thanh Chuong", "Tuyen Quang", "bao cao",
                                          "Chau Thanh", "Duc Trong", "Ha Giang", "Tân An", "Hoa Binh"};
  std::vector<std::string> expected;
  for (const auto& t : texts) expected.push_back(found(t));
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int r = 0; r < 200; ++r)
        for (size_t i = 0; i < texts.size(); ++i) {
          const size_t k = (i + static_cast<size_t>(t)) % texts.size();
          const auto m = g.lookup(texts[k]);
          if ((m ? m->unit->full_name() : "nothing") != expected[k].substr(0, expected[k].find(" (")))
            ++mismatches;
        }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(mismatches.load(), 0);
}

TEST(Gazetteer, LooksUpInMicroseconds) {
  const Gazetteer& g = gazetteer();
  const char* texts[] = {"Lam Pong", "Pong Théap", "Thanh Chuong", "Tuyen Quang", "bao cao", "nghi quyet",
                         "Nguyen Van", "tỉnh Lâm Đồng", "Thua Thien Hue", "Chau Thanh"};
  constexpr int kRounds = 200;
  size_t found_count = 0;
  const double t0 = cpu_ms();
  for (int r = 0; r < kRounds; ++r)
    for (const char* t : texts) found_count += g.lookup(t).has_value();
  const double us = (cpu_ms() - t0) * 1e3 / (kRounds * std::size(texts));
  std::printf("%.1f us CPU per lookup (any level)\n", us);
  EXPECT_EQ(found_count, static_cast<size_t>(7 * kRounds));
  EXPECT_LT(us, 1000);  // generous: sanitizer and debug builds
}

TEST(Gazetteer, MalformedFileNamesFileAndLine) {
  EXPECT_EQ(error_of("# comment\nprovince\ttỉnh\tLâm Đồng\t\tboth\ntown\txã\tA\tB\tboth\n"),
            "bad.tsv:3: unknown level \"town\" (province, district or commune)");
  EXPECT_EQ(error_of("province\ttỉnh\tLâm Đồng\tboth\n"),
            "bad.tsv:1: expected level<TAB>kind<TAB>name<TAB>province<TAB>era, got 4 fields");
  EXPECT_EQ(error_of("province\ttỉnh\tLâm Đồng\t\tboth\tx\n"), "bad.tsv:1: more than 5 tab-separated fields");
  EXPECT_EQ(error_of("\nprovince\txã\tLâm Đồng\t\tboth\n"), "bad.tsv:2: a province cannot be a \"xã\"");
  EXPECT_EQ(error_of("commune\txã\tTân An\t\tboth\n"), "bad.tsv:1: no province");
  EXPECT_EQ(error_of("commune\txã\tTân An\tLong An\tsoon\n"),
            "bad.tsv:1: unknown era \"soon\" (before-2025, after-2025 or both)");
  EXPECT_EQ(error_of("commune\tấp\tTân An\tLong An\tboth\n"), "bad.tsv:1: unknown kind \"ấp\"");
  EXPECT_EQ(error_of("commune\txã\t\tLong An\tboth\n"), "bad.tsv:1: empty or padded name");
  EXPECT_EQ(error_of("commune\txã\tT\xe2n\tLong An\tboth\n"), "bad.tsv:1: not UTF-8");
  EXPECT_EQ(error_of("# only a comment\n"), "bad.tsv: no units");

  vn::test::TempDir dir;
  const auto path = dir / "gazetteer.tsv";
  vn::test::write_file(path, "province\ttỉnh\tLâm Đồng\t\tboth\r\ndistrict\thuyện\tĐức Trọng\tLâm Đồng\tbefore-2025\n");
  EXPECT_EQ(Gazetteer::load(path).units().size(), 2u);
  vn::test::write_file(path, "province\ttỉnh\tLâm Đồng\t\tboth\ndistrict\thuyện\tĐức Trọng\n");
  try {
    Gazetteer::load(path);
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), path.string() + ":2: expected level<TAB>kind<TAB>name<TAB>province<TAB>era, got 3 fields");
  }
  try {
    Gazetteer::load(dir / "missing.tsv");
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("missing.tsv"), std::string::npos);
  }
  EXPECT_FALSE(Gazetteer().lookup("Lam Dong"));
}

}  // namespace
