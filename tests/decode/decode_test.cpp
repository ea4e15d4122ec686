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

// More than a tenth of the bytes unreadable: rejected, with the offset of
// the first NUL or ill-formed byte.
TEST(Decode, RejectsBinaryAndInvalidUtf8WithOffsets) {
  auto bin = decode_text(std::string("abc\0def", 7));
  EXPECT_FALSE(bin.ok);
  EXPECT_NE(bin.error.find("binary data (NUL byte at offset 3): 1 of 7 bytes are NUL or invalid UTF-8"), std::string::npos)
      << bin.error;
  auto bad = decode_text("xin ch\xE0o");
  EXPECT_FALSE(bad.ok);
  EXPECT_NE(bad.error.find("invalid UTF-8 at byte offset 6"), std::string::npos) << bad.error;
  auto elf = decode_text(std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0\x3e\0", 20));
  EXPECT_FALSE(elf.ok);
  EXPECT_NE(elf.error.find("binary data (NUL byte at offset 7)"), std::string::npos) << elf.error;
}

// Issue 10: one NUL byte rejected the whole document. NUL bytes are read as
// spaces, ill-formed bytes as U+FFFD, and reported by offset, up to a tenth
// of the file.
TEST(Decode, NulBytesAreReadAsSpacesAndReported) {
  const std::string text = "Nghị quyết số 18-NQ/TW về tinh gọn bộ máy của hệ thống chính trị";
  auto r = decode_text(text.substr(0, 10) + std::string(1, '\0') + text.substr(10) + std::string(3, '\0'));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.text, text.substr(0, 10) + " " + text.substr(10) + "   ");
  EXPECT_EQ(r.source_encoding, "utf-8");
  const size_t end = text.size() + 1;
  EXPECT_EQ(r.damage.describe(),
            "NUL at byte 10, NUL at bytes " + std::to_string(end) + "-" + std::to_string(end + 2));
  EXPECT_EQ(r.damage.unreadable_bytes(), 4u);
}

TEST(Decode, OffsetsCountTheBom) {
  auto r = decode_text("\xEF\xBB\xBF" "xin ch" "\xFF" "o c" "\xFF" "c b" "\xFF" "n, ke hoach chuyen doi so nam 2025");
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.damage.describe(2), "invalid UTF-8 at byte 9, invalid UTF-8 at byte 13, and 1 more");
  // The same in Windows-1258 ("chào các bán"): three words that read as
  // Vietnamese, a passage from "chào" (after the BOM and "xin ") on.
  r = decode_text("\xEF\xBB\xBF" "xin ch" "\xE0" "o c" "\xE1" "c b" "\xE1" "n, ke hoach chuyen doi so nam 2025");
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.text, "xin chào các bán, ke hoach chuyen doi so nam 2025");
  EXPECT_EQ(r.damage.describe(), "windows-1258 passage at bytes 7-19 (converted)");
}

TEST(Decode, TheShareOfDamageATextMayHave) {
  const std::string line = "Ke hoach chuyen doi so cua tinh.\n";
  std::string text;
  while (text.size() < 1000) text += line;
  std::string damaged = text;
  for (size_t i = 0; i < damaged.size() / 10; ++i) damaged[i * 10] = '\0';  // a tenth: still text
  EXPECT_TRUE(decode_text(damaged).ok);
  damaged[5] = '\0';  // more than a tenth
  const auto r = decode_text(damaged);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("of " + std::to_string(damaged.size()) + " bytes are NUL or invalid UTF-8 (text may have 10 %)"),
            std::string::npos)
      << r.error;
}

TEST(Decode, DamageListsTheFirstSpansAndCountsTheRest) {
  vn::decode::Damage d;
  using Kind = vn::decode::DamagedSpan::Kind;
  d.add({Kind::kNul, 4, 1, {}});
  d.add({Kind::kNul, 5, 1, {}});  // adjacent: one span
  d.add({Kind::kInvalidUtf8, 9, 2, {}});
  d.add({Kind::kLegacy, 20, 30, "vni-windows"});
  for (uint64_t at = 100; at < 200; at += 10) d.add({Kind::kInvalidUtf8, at, 1, {}});
  EXPECT_EQ(d.span_count(), 13u);
  EXPECT_EQ(d.unreadable_bytes(), 14u);
  EXPECT_EQ(d.describe(3),
            "NUL at bytes 4-5, invalid UTF-8 at bytes 9-10, vni-windows passage at bytes 20-49 (converted), and 10 more");
}
