#include <gtest/gtest.h>

#include "store/text_delta.hpp"

using namespace vn::store;

namespace {

// The delta of `original` against `restored`, checked to give it back.
std::string delta_of(std::string_view original, std::string_view restored) {
  const std::optional<std::string> delta = encode_text_delta(original, restored);
  EXPECT_TRUE(delta.has_value());
  if (!delta) return {};
  EXPECT_EQ(decode_text_delta(*delta, restored), original);
  return *delta;
}

}  // namespace

TEST(TextDelta, WordsThatAreTheRestorationWithoutDiacriticsCostNothing) {
  EXPECT_EQ(delta_of("Dang bo tinh LANG SON", "Đảng bộ tỉnh LẠNG SƠN"), "    ");
  EXPECT_EQ(delta_of("", ""), "");
  EXPECT_EQ(delta_of("\n  \n", "\n  \n"), "\n\n");
}

TEST(TextDelta, OtherWordsStoreOnlyWhatDiffers) {
  // "biéu" against the prediction "bieu": keep 2 bytes, drop 1, insert "é".
  EXPECT_EQ(delta_of("phat biéu", "phát biểu"), " 21é");
  EXPECT_EQ(delta_of("1an thir XIX", "lần thứ XIX"), "011 21ir ");  // "1" for "l"; "ir" for "u"
}

TEST(TextDelta, LinesWhoseWordsDoNotMatchAreKeptWhole) {
  const std::string original = "Ngh i dinh\nDang bo", restored = "Nghị định\nĐảng bộ";
  EXPECT_EQ(delta_of(original, restored), "\x01Ngh i dinh\n ");
  // Separators are kept byte for byte, whatever they are.
  delta_of("a\tb  c\r", "á b  c\r");
  delta_of("  lead and trail  ", "  lead and trail  ");
}

TEST(TextDelta, AnyTextRoundTrips) {
  delta_of("\"Trích\" \\ ‘quotes’ 1\x01x ẞ 漢字 𝔘 \xEF\xBF\xBD", "\"Trích\" \\ ‘quotes’ 1\x01x ẞ 漢字 𝔘 \xEF\xBF\xBD");
  delta_of("ĐẠI HỘI đại hội", "Đại hội ĐẠI HỘI");  // case differs: fields carry it
  delta_of(std::string(100, 'x'), std::string(100, 'y'));  // spans over 42 bytes: the line verbatim
  delta_of("Ðảng", "Đảng");  // U+00D0, not U+0110: not predicted, stored
}

TEST(TextDelta, TextsOfOtherLinesHaveNone) {
  EXPECT_FALSE(encode_text_delta("one line", "two\nlines").has_value());
}

TEST(TextDelta, ADeltaThatDoesNotFitThrows) {
  EXPECT_THROW(decode_text_delta("\n", "one line"), std::runtime_error);
  EXPECT_THROW(decode_text_delta(" ", "one"), std::runtime_error);
  EXPECT_THROW(decode_text_delta("9", "one"), std::runtime_error);
  EXPECT_THROW(decode_text_delta("99x", "one"), std::runtime_error);
  EXPECT_THROW(decode_text_delta("x", ""), std::runtime_error);
}
