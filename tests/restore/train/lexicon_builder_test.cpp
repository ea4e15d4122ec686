#include <gtest/gtest.h>

#include "restore/kept_words.hpp"
#include "restore/lexicon.hpp"
#include "restore/train/lexicon_builder.hpp"
#include "test_util.hpp"

using namespace vn::restore;

TEST(Lexicon, KeepsOnlyAttestedWellFormedSyllables) {
  LexiconBuilder b;
  b.add_text("Đảng bộ tỉnh Đảng bộ UBND ASEAN thiéng thiéng thiéng 2025 Đảng");
  const Lexicon lex = b.build(2);
  EXPECT_NE(lex.id("đảng"), kUnk);
  EXPECT_NE(lex.id("bộ"), kUnk);
  EXPECT_EQ(lex.id("tỉnh"), kUnk);     // seen once
  EXPECT_EQ(lex.id("thiéng"), kUnk);   // ill-formed
  EXPECT_EQ(lex.entry(lex.id("đảng")).count, 3u);
  EXPECT_EQ(lex.id("đảng"), kFirstSyllable);  // most frequent first
  EXPECT_EQ(lex.classify("UBND", vn::vi::TokenKind::kWord), kForeign);
  EXPECT_EQ(lex.classify("2025", vn::vi::TokenKind::kNumber), kNumber);
  EXPECT_EQ(lex.classify("18-NQ/TW", vn::vi::TokenKind::kCode), kCode);
  EXPECT_EQ(lex.classify("ĐẢNG", vn::vi::TokenKind::kWord), lex.id("đảng"));
}

// Kept words: no syllable, frequent enough; short ones only as units
// (written in lower case after a number), never abbreviations or the
// remnants the OCR leaves of syllables.
TEST(Lexicon, KeptWordsAreLongWordsAndUnits) {
  LexiconBuilder b;
  b.add_text("mạng internet, mạng internet; dài 2,7 km và 3 km; số 12/TT TT tt; cdc cdc; Đảng Đảng");
  std::vector<std::string> kept;
  for (const KeyCount& w : b.kept_words(2)) kept.push_back(w.key);
  EXPECT_EQ(kept, (std::vector<std::string>{"internet", "km"}));
}

TEST(Lexicon, KeptWordsRoundTripThroughTheirFile) {
  vn::test::TempDir dir;
  save_kept_words({{"internet", 5}, {"km", 3}}, dir / "kept_words.tsv");
  const KeptWords kept = KeptWords::load(dir / "kept_words.tsv");
  EXPECT_EQ(kept.size(), 2u);
  EXPECT_TRUE(kept.contains("km"));
  EXPECT_FALSE(kept.contains("kim"));
}
