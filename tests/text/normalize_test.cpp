#include <gtest/gtest.h>

#include "text/normalize.hpp"
#include "text/utf8.hpp"

using namespace vn::text;

TEST(Normalize, ComposesDecomposedVietnamese) {
  // "Việt" typed with combining marks (NFD) composes to the NFC letters.
  const std::string nfd = "Vie\xCC\x82\xCC\xA3t";
  EXPECT_EQ(to_nfc(nfd), "Việt");
  EXPECT_EQ(to_lower("ĐẢNG BỘ"), "đảng bộ");
}

// Issue 10: a decoded text of hundreds of megabytes was copied once more
// when it was NFC already.
TEST(Normalize, TextThatIsNfcAlreadyIsMovedNotCopied) {
  std::string text(1 << 20, 'a');
  text += "Đảng bộ tỉnh";
  const char* buffer = text.data();
  const std::string nfc = to_nfc(std::move(text));
  EXPECT_EQ(nfc.data(), buffer);
  EXPECT_EQ(to_nfc(std::string("Vie\xCC\x82\xCC\xA3t")), "Việt");
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
