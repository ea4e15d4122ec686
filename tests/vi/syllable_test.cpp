#include <gtest/gtest.h>

#include "text/normalize.hpp"
#include "vi/syllable.hpp"

using namespace vn::vi;

TEST(Syllable, ParsesOnsetRhymeAndTone) {
  auto s = parse_syllable(std::string_view("nghiệp"));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->onset, U"ngh");
  EXPECT_EQ(s->nucleus, U"iê");
  EXPECT_EQ(s->coda, U"p");
  EXPECT_EQ(s->tone, Tone::kDot);
  auto q = parse_syllable(std::string_view("quyết"));
  ASSERT_TRUE(q);
  EXPECT_EQ(q->onset, U"qu");
  EXPECT_EQ(q->rhyme(), U"yêt");
  auto h = parse_syllable(std::string_view("hoàng"));
  ASSERT_TRUE(h);
  EXPECT_EQ(h->medial, U"o");
  EXPECT_EQ(h->nucleus, U"a");
  EXPECT_EQ(h->coda, U"ng");
}

TEST(Syllable, TellsValidFromInvalid) {
  for (const char* ok : {"thiêng", "được", "của", "tổ", "chức", "nhiệm", "kỳ", "Đảng", "giữa", "gì", "gìn", "khuya",
                         "người", "thuở", "quốc", "yêu", "oanh", "huỳnh", "ăn", "ấy", "xã", "hội", "tỉnh", "lần", "thứ"}) {
    std::string lower = vn::text::to_lower(ok);
    EXPECT_TRUE(parse_syllable(std::string_view(lower))) << ok;
  }
  for (const char* bad : {"thiéng", "dugc", "ciia", "thir", "t6", "1an", "nhi¢m", "ăi", "kan", "ghá", "cem", "thiêt",
                          "tháng1", "", "bbb", "iê", "strong"})
    EXPECT_FALSE(parse_syllable(std::string_view(bad))) << bad;
}

TEST(Syllable, SpellsBackCanonically) {
  for (const char* w : {"nghiệp", "giữa", "gì", "gìn", "quyết", "hoá", "thuỷ", "người", "khuya", "yêu"}) {
    auto s = parse_syllable(std::string_view(w));
    ASSERT_TRUE(s) << w;
    EXPECT_EQ(spell(*s), w);
  }
}
