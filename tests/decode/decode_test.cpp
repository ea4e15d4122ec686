#include <gtest/gtest.h>

#include "decode/decode.hpp"

using vn::decode::decode_text;

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
