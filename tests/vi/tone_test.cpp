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
