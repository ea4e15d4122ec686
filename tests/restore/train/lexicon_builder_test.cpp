#include <gtest/gtest.h>

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
