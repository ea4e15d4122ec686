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
