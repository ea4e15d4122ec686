#include <gtest/gtest.h>

#include "decode/decode.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

using namespace vn::text;
using vn::decode::decode_text;

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

TEST(Normalize, ComposesDecomposedVietnamese) {
  // "Việt" typed with combining marks (NFD) composes to the NFC letters.
  const std::string nfd = "Vie\xCC\x82\xCC\xA3t";
  EXPECT_EQ(to_nfc(nfd), "Việt");
  EXPECT_EQ(to_lower("ĐẢNG BỘ"), "đảng bộ");
}

TEST(Decode, Utf8WithAndWithoutBom) {
  auto r = decode_text("\xEF\xBB\xBFxin chào");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.text, "xin chào");
  EXPECT_EQ(r.source_encoding, "utf-8-bom");
  EXPECT_TRUE(decode_text("").ok);
}

TEST(Decode, Utf16WithBom) {
  // "Đà" in UTF-16 LE and BE.
  auto le = decode_text(std::string("\xFF\xFE\x10\x01\xE0\x00", 6));
  ASSERT_TRUE(le.ok) << le.error;
  EXPECT_EQ(le.text, "Đà");
  auto be = decode_text(std::string("\xFE\xFF\x01\x10\x00\xE0", 6));
  ASSERT_TRUE(be.ok) << be.error;
  EXPECT_EQ(be.text, "Đà");
}

TEST(Decode, RejectsBinaryAndInvalidUtf8WithOffsets) {
  auto bin = decode_text(std::string("abc\0def", 7));
  EXPECT_FALSE(bin.ok);
  EXPECT_NE(bin.error.find("offset 3"), std::string::npos) << bin.error;
  auto bad = decode_text("xin ch\xE0o");
  EXPECT_FALSE(bad.ok);
  EXPECT_NE(bad.error.find("invalid UTF-8 at byte offset 6"), std::string::npos) << bad.error;
}

TEST(Normalize, QuickCheckSetReallyIsInertUnderNfc) {
  const std::string zwsp = "\xE2\x80\x8B";  // not in the set: forces the utf8proc path
  for (char32_t cp = 0x80; cp < 0xFB10; ++cp) {
    if (!is_nfc_inert(cp)) continue;
    std::string s;
    append_utf8(s, cp);
    ASSERT_EQ(to_nfc(s + zwsp), s + zwsp) << std::hex << static_cast<uint32_t>(cp);
    for (char base : std::string("aeiouyAEIOUY")) {  // never composes as a second half
      const std::string pair = std::string(1, base) + s + zwsp;
      ASSERT_EQ(to_nfc(pair), pair) << std::hex << static_cast<uint32_t>(cp);
    }
  }
}
