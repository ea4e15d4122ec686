#include <gtest/gtest.h>

#include "text/utf8.hpp"

using namespace vn::text;

TEST(Utf8, AcceptsWellFormedAndLocatesIllFormed) {
  EXPECT_EQ(find_invalid_utf8("Đảng bộ tỉnh"), kValid);
  EXPECT_EQ(find_invalid_utf8("abc\xC3"), 3u);                 // truncated
  EXPECT_EQ(find_invalid_utf8("ab\xC0\xAF"), 2u);              // overlong
  EXPECT_EQ(find_invalid_utf8("\xED\xA0\x80"), 0u);            // surrogate
  EXPECT_EQ(find_invalid_utf8("12345678\xF5\x80\x80\x80"), 8u);  // > U+10FFFF
}

TEST(Utf8, SequenceLengthAt) {
  const std::string s = "aĐ😀\xC3(\xE2\x82";
  EXPECT_EQ(sequence_length_at(s, 0), 1u);
  EXPECT_EQ(sequence_length_at(s, 1), 2u);
  EXPECT_EQ(sequence_length_at(s, 3), 4u);
  EXPECT_EQ(sequence_length_at(s, 4), 0u);   // a continuation byte alone
  EXPECT_EQ(sequence_length_at(s, 7), 0u);   // C3 before '('
  EXPECT_EQ(sequence_length_at(s, 9), 0u);   // cut short at the end
  EXPECT_EQ(sequence_length_at(s, 10), 0u);
}

TEST(Utf8, RoundTripsCodePoints) {
  const std::string s = "Đảng 😀 x";
  EXPECT_EQ(to_utf8(to_u32(s)), s);
  EXPECT_EQ(to_u32("ệ").size(), 1u);
}

TEST(Utf8, PrintableEscapesControlCharactersAndInvalidBytes) {
  EXPECT_EQ(printable("/archive/Đảng bộ.txt"), "/archive/Đảng bộ.txt");
  EXPECT_EQ(printable("a\x1b]0;owned\x07z"), "a\\x1B]0;owned\\x07z");   // OSC title sequence
  EXPECT_EQ(printable("x\r\x1b[2Ky\nz\tw\x7f"), "x\\x0D\\x1B[2Ky\\x0Az\\x09w\\x7F");
  EXPECT_EQ(printable("c1 \xC2\x9B" "31m"), "c1 \\xC2\\x9B31m");      // C1 CSI
  EXPECT_EQ(printable("bad \xFF"), "bad \\xFF");
}
