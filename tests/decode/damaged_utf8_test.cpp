// Issue 10: UTF-8 with passages that are not UTF-8. A short legacy passage
// inside a UTF-8 file rejected the whole document; now it is converted when
// it reads as Vietnamese, stray bytes become U+FFFD, and both are reported
// by byte range.
#include <gtest/gtest.h>

#include <map>

#include "decode/damaged_utf8.hpp"
#include "decode/decode.hpp"
#include "decode/legacy_encoding.hpp"
#include "text/utf8.hpp"

using namespace vn::decode;

namespace {

// Lower-case Vietnamese `utf8` in TCVN3, where every letter is one byte.
std::string to_tcvn3(const std::string& utf8) {
  std::map<std::string, char> inverse;
  for (int b = 0x80; b < 0x100; ++b) {
    const std::string c(1, static_cast<char>(b));
    inverse.emplace(legacy_to_utf8(c, LegacyEncoding::tcvn3), static_cast<char>(b));
  }
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    const size_t start = i;
    const char32_t cp = vn::text::next_code_point(utf8, i);
    out += cp < 0x80 ? static_cast<char>(cp) : inverse.at(utf8.substr(start, i - start));
  }
  return out;
}

const std::string kBefore = "Báo cáo của Ủy ban nhân dân tỉnh về ";
const std::string kPassage = "công tác cán bộ và kết quả thực hiện nghị quyết";
const std::string kAfter = " trong năm 2025.\n";

}  // namespace

TEST(DamagedUtf8, ALegacyPassageIsConvertedAndReportedWhole) {
  const std::string bytes = kBefore + to_tcvn3(kPassage) + kAfter;
  const DecodeResult r = decode_text(bytes);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.text, kBefore + kPassage + kAfter);
  EXPECT_EQ(r.source_encoding, "utf-8");
  // The passage runs from its first word holding a TCVN3 byte to its last.
  const size_t first = kBefore.size(), last = first + to_tcvn3(kPassage).size() - 1;
  EXPECT_EQ(r.damage.describe(), "tcvn3 passage at bytes " + std::to_string(first) + "-" + std::to_string(last) +
                                     " (converted)");
  EXPECT_EQ(r.damage.unreadable_bytes(), 0u);
}

TEST(DamagedUtf8, PassagesAreFoundBetweenUtf8) {
  const std::string tcvn = to_tcvn3(kPassage);
  const std::string bytes = kBefore + tcvn + kAfter + kBefore + "\xFF" + kAfter;
  const Utf8Survey survey = survey_utf8(bytes);
  EXPECT_EQ(survey.passages, tcvn + "\n\xFF\n");
  EXPECT_EQ(survey.multibyte_chars, 18u);  // 8 in kBefore, 1 in kAfter, twice
  // The ASCII words around a stray byte belong to its passage.
  Damage damage;
  const std::string text = read_damaged_utf8("ab " + kBefore + "x\xFFy z", std::nullopt, 100, damage);
  EXPECT_EQ(text, "ab " + kBefore + "x\xEF\xBF\xBDy z");
  EXPECT_EQ(damage.describe(), "invalid UTF-8 at byte " + std::to_string(100 + 3 + kBefore.size() + 1));
}

TEST(DamagedUtf8, StrayAndCutBytesBecomeReplacementCharacters) {
  // A stray byte in a word, and a sequence cut short at the end.
  const std::string bytes = kBefore + "c\xF4ng" + kAfter + "năm \xE1\xBB";
  const DecodeResult r = decode_text(bytes);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.text, kBefore + "c\xEF\xBF\xBDng" + kAfter + "năm \xEF\xBF\xBD");
  const size_t stray = kBefore.size() + 1, cut = bytes.size() - 2;
  EXPECT_EQ(r.damage.describe(), "invalid UTF-8 at byte " + std::to_string(stray) + ", invalid UTF-8 at bytes " +
                                     std::to_string(cut) + "-" + std::to_string(cut + 1));
  EXPECT_EQ(r.damage.unreadable_bytes(), 3u);
}

TEST(DamagedUtf8, TooLittleEvidenceIsNoLegacyReading) {
  // One TCVN3 word ("công") reads as Vietnamese, but one word is no evidence.
  const DecodeResult r = decode_text(kBefore + to_tcvn3("công") + kAfter);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.text, kBefore + "c\xEF\xBF\xBDng" + kAfter);
}

TEST(DamagedUtf8, AWholeLegacyFileIsStillReadAsOne) {
  const DecodeResult r = decode_text(to_tcvn3(kPassage + " " + kPassage + "\n"));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.source_encoding, "tcvn3");
  EXPECT_EQ(r.text, kPassage + " " + kPassage + "\n");
  EXPECT_TRUE(r.damage.empty()) << r.damage.describe();
  // ASCII (OCR output without diacritics) around a TCVN3 passage: the same.
  const DecodeResult ascii = decode_text("Bao cao tong ket " + to_tcvn3(kPassage) + " nam 2025\n");
  ASSERT_TRUE(ascii.ok) << ascii.error;
  EXPECT_EQ(ascii.source_encoding, "tcvn3");
  EXPECT_EQ(ascii.text, "Bao cao tong ket " + kPassage + " nam 2025\n");
}
