// restore::Restorer on hostile input, with the shipped models: huge
// tokens, other scripts, emoji, control characters, empty input, a 5 MB
// line. Whatever the models decide, the restorer must not crash, must keep
// every byte between tokens and the same lines, and must stay linear.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "restore/restorer.hpp"
#include "restore/restore_test_util.hpp"
#include "test_util.hpp"
#include "text/utf8.hpp"
#include "vi/tokenizer.hpp"

using vn::restore::RestoredText;
using vn::restore::Restorer;

namespace {

const std::filesystem::path kSamples = vn::test::samples_dir();

const Restorer& restorer() { return vn::test::shipped_restorer(); }
using vn::test::keeps_structure;
using vn::test::restore_checked;
using vn::test::find_token;

// Whitespace-separated words of the OCR samples, in file order.
std::vector<std::string> ocr_words(bool strip_sentence_punctuation) {
  std::vector<std::string> words;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(kSamples / "ocr")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& p : files) {
    std::ifstream in(p, std::ios::binary);
    for (std::string w; in >> w;) {
      if (strip_sentence_punctuation)
        w.erase(std::remove_if(w.begin(), w.end(), [](char c) { return c == '.' || c == '?' || c == '!' || c == ';' || c == ':'; }),
                w.end());
      if (!w.empty()) words.push_back(w);
    }
  }
  return words;
}

// One line of about `bytes` bytes: OCR words in a deterministic
// pseudo-random order, separated by spaces, with no sentence punctuation,
// so the restorer cuts sentences at its token limit.
std::string ocr_line(size_t bytes) {
  static const std::vector<std::string> words = ocr_words(true);
  std::string s;
  s.reserve(bytes + 64);
  uint64_t x = 12345;
  while (s.size() < bytes) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    s += words[(x >> 33) % words.size()];
    s += ' ';
  }
  return s;
}

struct Timing {
  double wall;  // seconds
  double cpu;   // seconds of process CPU time (the restorer is single-threaded)
};

Timing time_restore(std::string_view input, RestoredText& out) {
  const auto w0 = std::chrono::steady_clock::now();
  const std::clock_t c0 = std::clock();
  out = restorer().restore(input);
  const std::clock_t c1 = std::clock();
  const auto w1 = std::chrono::steady_clock::now();
  return {std::chrono::duration<double>(w1 - w0).count(), static_cast<double>(c1 - c0) / CLOCKS_PER_SEC};
}

}  // namespace

TEST(RestoreRobustness, EmptyInput) {
  const RestoredText r = restore_checked("");
  EXPECT_EQ(r.text, "");
  EXPECT_TRUE(r.tokens.empty());
}

TEST(RestoreRobustness, OnlyBlankLines) {
  for (const std::string in : {"\n", "\n\n\n\n", "\r\n\r\n", "  \n\t\n \r\n", "\t", " ", "\n \n\t\t\n   "}) {
    const RestoredText r = restore_checked(in);
    EXPECT_EQ(r.text, in);
    EXPECT_TRUE(r.tokens.empty());
  }
}

TEST(RestoreRobustness, TokenOfTenThousandLetters) {
  const std::string letters(10000, 'a');
  std::string viet;
  for (int i = 0; i < 2500; ++i) viet += "đảng";  // 10,000 letters, 15,000 bytes
  for (const std::string& big : {letters, viet, std::string(10000, 'X')}) {
    const std::string in = "Dang bo tinh " + big + " t6 chirc\n" + big + "\n" + big;
    const RestoredText r = restore_checked(in);
    ASSERT_EQ(r.tokens.size(), 8u);
    for (size_t i : {3u, 6u, 7u}) {
      EXPECT_EQ(r.tokens[i].original, big);
      EXPECT_EQ(r.tokens[i].restored, big);  // no syllable is that long: kept
    }
    EXPECT_EQ(r.text.rfind("Đảng bộ tỉnh ", 0), 0u) << r.text.substr(0, 40);
  }
}

TEST(RestoreRobustness, LongTokensAroundTheCandidateLimit) {
  // The candidate generator gives up on tokens over 12 letters; 11 to 14
  // letters must work either way.
  for (size_t n = 8; n <= 16; ++n) {
    const std::string in = "cua " + std::string(n, 'n') + " va " + std::string(n, 'q') + "uy";
    restore_checked(in);
  }
  restore_checked("nghieeeeng nguyeeeen thuongggg truongggggg");
}

TEST(RestoreRobustness, ChineseCharacters) {
  const std::string in = "Dang bo tinh 中华人民共和国 va Viet Nam 日本語の文章 dugc 한국어 t6 chirc\n中文\n";
  const RestoredText r = restore_checked(in);
  for (const char* t : {"中华人民共和国", "日本語の文章", "한국어", "中文"}) {
    const auto* k = find_token(r, t);
    if (k) {
      EXPECT_EQ(k->restored, t);
    }
  }
  EXPECT_NE(r.text.find("中华人民共和国"), std::string::npos);
  EXPECT_EQ(r.text.rfind("Đảng bộ tỉnh ", 0), 0u) << r.text.substr(0, 40);
}

TEST(RestoreRobustness, Emoji) {
  const std::string in =
      "Dang bo tinh 😀 va 👍🏽 dugc 🇻🇳 t6 chirc 👨‍👩‍👧 ✅️ 🤖\n"
      "😀😀😀\n"
      "Dang😀bo👍🏽tinh\n";
  const RestoredText r = restore_checked(in);
  for (const char* e : {"😀", "👍🏽", "🇻🇳", "👨‍👩‍👧", "✅️", "🤖", "😀😀😀"}) EXPECT_NE(r.text.find(e), std::string::npos) << e;
}

TEST(RestoreRobustness, ControlCharacters) {
  const std::string inputs[] = {
      std::string("Dang\x01" "bo\x7f" "tinh\r\nva\rdugc\x1b[0m t6\x02 chirc\n"),
      std::string("\x01\x02\x03\x7f\r\r\r\x0b\x0c\n"),
      std::string("t6 chirc\r"),
      std::string("\r"),
      std::string("Dang bo\0tinh\0\0dugc", 18),  // NUL bytes
      std::string("Dang\x08 bo\x1f tinh\x7f\x7f\n\x1b[1mPANG\x1b[0m\n"),
  };
  for (const std::string& in : inputs) {
    const RestoredText r = restore_checked(in);
    EXPECT_EQ(std::count(in.begin(), in.end(), '\r'), std::count(r.text.begin(), r.text.end(), '\r'));
    EXPECT_EQ(std::count(in.begin(), in.end(), '\0'), std::count(r.text.begin(), r.text.end(), '\0'));
    EXPECT_EQ(std::count(in.begin(), in.end(), '\x7f'), std::count(r.text.begin(), r.text.end(), '\x7f'));
  }
}

TEST(RestoreRobustness, SentencePunctuationRuns) {
  const std::string inputs[] = {
      "Dang bo tinh... ?!?!; :: ..!! dugc ;;;;; t6 chirc ?.?.!\n",
      ".;:!?\n...\n;;;\n:::\n!!!\n???\n",
      "...Dang bo tinh",
      "dugc.",
      ". dugc .",
      "t6.chirc;dugc:Dang!bo?tinh",
      "Dang bo tinh" + std::string(5000, '.') + "t6 chirc" + std::string(5000, ';') + "\n",
      "- - - -- --- / // /// ,,, ''' \"\"\" ((( ))) []{}<> ~~~ ***\n",
  };
  for (const std::string& in : inputs) restore_checked(in);
  // One token per sentence: many one-token sentences in a row.
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "dugc. ";
  const RestoredText r = restore_checked(many);
  EXPECT_EQ(r.tokens.size(), 20000u);
}

TEST(RestoreRobustness, TokenOfTwoHundredDigits) {
  const std::string digits(200, '7');
  std::string grouped = "1";
  for (int i = 0; i < 66; ++i) grouped += ".000";
  const std::string in = "so " + digits + " ngay " + grouped + ",5 va " + digits + "/" + digits + "-NQ/TW dugc\n" + digits;
  const RestoredText r = restore_checked(in);
  const auto* d = find_token(r, digits);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->restored, digits);
  EXPECT_NE(r.text.find(grouped + ",5"), std::string::npos);
  EXPECT_EQ(r.text.substr(r.text.size() - 200), digits);
}

TEST(RestoreRobustness, MixedScripts) {
  const std::string inputs[] = {
      "Việt中文Nam ДАНГ bo Ελλάδα tinh العربية dugc Pangбо t6中 chirc\n",
      "Đảng Bộ ΑΒΓ абв אבג देवनागरी ไทย\n",
      "PANG BO TINH Москва ПАНГ\n",
      "t6\u0301 chi\u0300rc Đa\u0300ng",                   // decomposed marks (not NFC)
      "\u0301\u0300 Dang \u200b bo \u200d tinh \ufeff dugc \ufffd t6",  // lone marks, zero-width, BOM, U+FFFD
      "\U0010FFFF Dang \U000E0001 bo \uE000 tinh",      // last code point, tags, private use
      "ﬁnal ﬀ Ǆ ǅ ǆ İ ß ẞ Dang",                       // ligatures, titlecase, length-changing case
  };
  for (const std::string& in : inputs) restore_checked(in);
}

TEST(RestoreRobustness, FiveMegabyteSingleLine) {
  const std::string in = ocr_line(5 << 20);
  ASSERT_EQ(in.find('\n'), std::string::npos);
  restorer().restore("warm up: Dang bo tinh t6 chirc");
  RestoredText r;
  const Timing t = time_restore(in, r);
  std::printf("5 MB line (%zu bytes, %zu tokens): %.2f s wall, %.2f s CPU, %.2f MB/s\n", in.size(), r.tokens.size(), t.wall,
              t.cpu, in.size() / 1048576.0 / t.wall);
  EXPECT_TRUE(keeps_structure(in, r));
  // About 7 s here; the bound is on CPU time so that a busy machine does
  // not fail it, with a looser wall-clock bound against hangs.
  EXPECT_LT(t.cpu, 30.0);
  EXPECT_LT(t.wall, 90.0);
  EXPECT_EQ(std::count(r.text.begin(), r.text.end(), '\n'), 0);
}

TEST(RestoreRobustness, TimeIsLinearInTheInput) {
  const std::string small = ocr_line(1 << 20), large = ocr_line(4 << 20);
  restorer().restore(ocr_line(100 << 10));  // fill the candidate cache first
  RestoredText r;
  const Timing a = time_restore(small, r);
  EXPECT_TRUE(keeps_structure(small, r));
  const Timing b = time_restore(large, r);
  EXPECT_TRUE(keeps_structure(large, r));
  std::printf("1 MB: %.2f s wall, %.2f s CPU; 4 MB: %.2f s wall, %.2f s CPU; CPU ratio %.2f (linear: 4)\n", a.wall, a.cpu,
              b.wall, b.cpu, b.cpu / a.cpu);
  // CPU time, not wall time: other processes on the machine do not count.
  EXPECT_LT(b.cpu / std::max(a.cpu, 1e-3), 8.0);
  EXPECT_LT(b.cpu, 30.0);
}

TEST(RestoreRobustness, TinyBeamsAndNoCandidates) {
  const std::string in = "Pang bo tinh lan thir XIX, t6 chirc dugc 2025 18-NQ/TW.\n";
  for (size_t beam : {1u, 2u}) {
    vn::restore::RestorerOptions o;
    o.decoder.beam = beam;
    const auto r = Restorer::load(vn::restore::default_model_dir(), o);
    EXPECT_TRUE(keeps_structure(in, r->restore(in))) << "beam " << beam;
  }
  vn::restore::RestorerOptions o;
  o.candidates = 0;
  const auto r = Restorer::load(vn::restore::default_model_dir(), o);
  const RestoredText out = r->restore(in);
  EXPECT_TRUE(keeps_structure(in, out));
}

// A beam of 0 is taken as 1 (vnindex restore rejects --beam 0).
TEST(RestoreRobustness, ZeroBeamDoesNotCrash) {
  vn::restore::RestorerOptions o;
  o.decoder.beam = 0;
  const auto r = Restorer::load(vn::restore::default_model_dir(), o);
  const std::string in = "Pang bo tinh";
  EXPECT_TRUE(keeps_structure(in, r->restore(in)));
}
