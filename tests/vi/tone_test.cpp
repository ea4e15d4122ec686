#include <gtest/gtest.h>

#include "vi/tone.hpp"

using namespace vn::vi;

TEST(Tone, OldAndNewStylePlacementsMeet) {
  EXPECT_EQ(canonical_tone(std::string("hóa")), canonical_tone(std::string("hoá")));
  EXPECT_EQ(canonical_tone(std::string("thủy")), "thuỷ");
  EXPECT_EQ(canonical_tone(std::string("khỏe")), "khoẻ");
  EXPECT_EQ(canonical_tone(std::string("HÓA")), "HOÁ");
}

TEST(Tone, CanonicalFormsOfCommonSyllables) {
  for (const char* s : {"quá", "quý", "giữa", "gì", "người", "ngoài", "hoàng", "của", "thuở", "khuỷu", "nghiệp",
                        "thuyết", "Đảng", "tỉnh", "lần", "thứ", "được", "chức", "nhiệm", "kỳ"})
    EXPECT_EQ(canonical_tone(std::string(s)), s) << s;
  EXPECT_EQ(canonical_tone(std::string("gìa")), "già");  // tone moves off the onset's i
  EXPECT_EQ(canonical_tone(std::string("múa")), "múa");
  EXPECT_EQ(canonical_tone(std::string("mùa")), "mùa");
}

TEST(Tone, LeavesNonSyllablesAlone) {
  EXPECT_EQ(canonical_tone(std::string("ASEAN")), "ASEAN");
  EXPECT_EQ(canonical_tone(std::string("éclair")), "éclair");   // vowels not contiguous
  EXPECT_EQ(canonical_tone(std::string("àá")), "àá");           // two tones
}

TEST(Tone, TraditionalPlacementMovesOnlyOpenTwoVowelNuclei) {
  auto traditional = [](std::u32string_view s) { return traditional_tone(s); };
  EXPECT_EQ(traditional(U"hoá"), U"hóa");
  EXPECT_EQ(traditional(U"thuỷ"), U"thủy");
  EXPECT_EQ(traditional(U"khoẻ"), U"khỏe");
  EXPECT_EQ(traditional(U"uỷ"), U"ủy");
  EXPECT_EQ(traditional(U"UỶ"), U"ỦY");
  // Closed syllables, three vowels, quality marks and the onsets qu/gi
  // have one placement in both styles.
  for (std::u32string_view s : {U"hoàng", U"ngoài", U"khuỷu", U"thuyết", U"quý", U"quá", U"già", U"của", U"được"})
    EXPECT_EQ(traditional(s), s);
}
