#include <gtest/gtest.h>

#include "vi/terms.hpp"
#include "vi/fold.hpp"
#include "text/normalize.hpp"
#include "vi/letters.hpp"
#include "vi/syllable.hpp"
#include "vi/tokenizer.hpp"
#include "vi/tone.hpp"

using namespace vn::vi;

TEST(Letters, DecomposesAndComposesToneMarks) {
  auto d = decompose_vowel(U'ậ');
  ASSERT_TRUE(d);
  EXPECT_EQ(d->vowel, U'â');
  EXPECT_EQ(d->tone, Tone::kDot);
  EXPECT_EQ(compose_vowel(U'Ư', Tone::kTilde), U'Ữ');
  EXPECT_FALSE(decompose_vowel(U'đ'));
  EXPECT_EQ(strip_diacritics(U'Đ'), U'D');
  EXPECT_EQ(strip_diacritics(U'ờ'), U'o');
}

TEST(Tone, OldAndNewStylePlacementsMeet) {
  EXPECT_EQ(canonical_tone(std::string("hóa")), canonical_tone(std::string("hoá")));
  EXPECT_EQ(canonical_tone(std::string("thủy")), "thuỷ");
  EXPECT_EQ(canonical_tone(std::string("khỏe")), "khoẻ");
  EXPECT_EQ(canonical_tone(std::string("HÓA")), "HOÁ");
}

TEST(Tone, CanonicalFormsOfCommonSyllables) {
  for (const char* s : {"quá", "quý", "giữa", "gì", "người", "ngoài", "hoàng", "của", "thuở", "khuỷu", "nghiệp",
                        "thuyết", "Đảng", "tỉnh", "lần", "thứ", "được", "chức", "nhiệm", "kỳ"})
    EXPECT_EQ(canonical_tone(std::string(s)), s) << s;
  EXPECT_EQ(canonical_tone(std::string("gìa")), "già");  // tone moves off the onset's i
  EXPECT_EQ(canonical_tone(std::string("múa")), "múa");
  EXPECT_EQ(canonical_tone(std::string("mùa")), "mùa");
}

TEST(Tone, LeavesNonSyllablesAlone) {
  EXPECT_EQ(canonical_tone(std::string("ASEAN")), "ASEAN");
  EXPECT_EQ(canonical_tone(std::string("éclair")), "éclair");   // vowels not contiguous
  EXPECT_EQ(canonical_tone(std::string("àá")), "àá");           // two tones
}

TEST(Fold, RemovesEveryDiacritic) {
  EXPECT_EQ(fold("Đảng bộ tỉnh lần thứ XIX"), "Dang bo tinh lan thu XIX");
  EXPECT_EQ(fold("nghị quyết"), "nghi quyet");
  EXPECT_EQ(fold("18-NQ/TW"), "18-NQ/TW");
  EXPECT_TRUE(has_diacritics("bộ"));
  EXPECT_FALSE(has_diacritics("bo"));
}

namespace {

std::vector<std::pair<TokenKind, std::string>> toks(std::string_view text) {
  std::vector<Token> t;
  tokenize(text, t);
  std::vector<std::pair<TokenKind, std::string>> out;
  for (const auto& k : t) out.emplace_back(k.kind, std::string(k.text(text)));
  return out;
}

}  // namespace

TEST(Tokenizer, SyllablesNumbersAndPunctuation) {
  auto t = toks("Đảng bộ tỉnh, nhiệm kỳ 2020 - 2025.");
  std::vector<std::pair<TokenKind, std::string>> want = {
      {TokenKind::kWord, "Đảng"},   {TokenKind::kWord, "bộ"}, {TokenKind::kWord, "tỉnh"},
      {TokenKind::kWord, "nhiệm"},  {TokenKind::kWord, "kỳ"}, {TokenKind::kNumber, "2020"},
      {TokenKind::kNumber, "2025"},
  };
  EXPECT_EQ(t, want);
}

TEST(Tokenizer, DocumentCodesStayWhole) {
  auto t = toks("Nghị quyết số 18-NQ/TW, Nghị định 29/2023/NĐ-CP; Số 103-BC/ĐU và T/M.");
  EXPECT_EQ(t[3], std::make_pair(TokenKind::kCode, std::string("18-NQ/TW")));
  EXPECT_EQ(t[6], std::make_pair(TokenKind::kCode, std::string("29/2023/NĐ-CP")));
  EXPECT_EQ(t[8], std::make_pair(TokenKind::kCode, std::string("103-BC/ĐU")));
  EXPECT_EQ(t.back(), std::make_pair(TokenKind::kCode, std::string("T/M")));
}

TEST(Tokenizer, NumbersHyphensAndMixedRuns) {
  auto t = toks("1.250,5 tỷ; 2020-2025; Bà-Rịa; 06thang; Covid-19; 25/10/2017");
  std::vector<std::pair<TokenKind, std::string>> want = {
      {TokenKind::kNumber, "1.250,5"}, {TokenKind::kWord, "tỷ"},      {TokenKind::kNumber, "2020"},
      {TokenKind::kNumber, "2025"},    {TokenKind::kWord, "Bà"},      {TokenKind::kWord, "Rịa"},
      {TokenKind::kMixed, "06thang"},  {TokenKind::kCode, "Covid-19"}, {TokenKind::kCode, "25/10/2017"},
  };
  EXPECT_EQ(t, want);
}

TEST(Tokenizer, OffsetsPointIntoSource) {
  const std::string s = "  «Đảng»  ";
  std::vector<Token> t;
  tokenize(s, t);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].text(s), "Đảng");
  EXPECT_EQ(s.substr(t[0].offset, t[0].length), "Đảng");
}

TEST(Tokenizer, SymbolsEmojiAndCjkDoNotCrash) {
  auto t = toks("😀 中文 ¢ & \x01 ---");
  ASSERT_EQ(t.size(), 1u);  // 中文 is a letter run; the rest is punctuation
  EXPECT_EQ(t[0].second, "中文");
}

TEST(Terms, ExactIsLowercaseCanonicalAndFoldedHasNoMarks) {
  auto t = vn::vi::terms_for("HÓA", TokenKind::kWord);
  EXPECT_EQ(t.exact, "hoá");
  EXPECT_EQ(t.folded, "hoa");
  auto c = vn::vi::terms_for("29/2023/NĐ-CP", TokenKind::kCode);
  EXPECT_EQ(c.exact, "29/2023/nđ-cp");
  EXPECT_EQ(c.folded, "29/2023/nd-cp");
}

TEST(Syllable, ParsesOnsetRhymeAndTone) {
  auto s = parse_syllable(std::string_view("nghiệp"));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->onset, U"ngh");
  EXPECT_EQ(s->nucleus, U"iê");
  EXPECT_EQ(s->coda, U"p");
  EXPECT_EQ(s->tone, Tone::kDot);
  auto q = parse_syllable(std::string_view("quyết"));
  ASSERT_TRUE(q);
  EXPECT_EQ(q->onset, U"qu");
  EXPECT_EQ(q->rhyme(), U"yêt");
  auto h = parse_syllable(std::string_view("hoàng"));
  ASSERT_TRUE(h);
  EXPECT_EQ(h->medial, U"o");
  EXPECT_EQ(h->nucleus, U"a");
  EXPECT_EQ(h->coda, U"ng");
}

TEST(Syllable, TellsValidFromInvalid) {
  for (const char* ok : {"thiêng", "được", "của", "tổ", "chức", "nhiệm", "kỳ", "Đảng", "giữa", "gì", "gìn", "khuya",
                         "người", "thuở", "quốc", "yêu", "oanh", "huỳnh", "ăn", "ấy", "xã", "hội", "tỉnh", "lần", "thứ"}) {
    std::string lower = vn::text::to_lower(ok);
    EXPECT_TRUE(parse_syllable(std::string_view(lower))) << ok;
  }
  for (const char* bad : {"thiéng", "dugc", "ciia", "thir", "t6", "1an", "nhi¢m", "ăi", "kan", "ghá", "cem", "thiêt",
                          "tháng1", "", "bbb", "iê", "strong"})
    EXPECT_FALSE(parse_syllable(std::string_view(bad))) << bad;
}

TEST(Syllable, SpellsBackCanonically) {
  for (const char* w : {"nghiệp", "giữa", "gì", "gìn", "quyết", "hoá", "thuỷ", "người", "khuya", "yêu"}) {
    auto s = parse_syllable(std::string_view(w));
    ASSERT_TRUE(s) << w;
    EXPECT_EQ(spell(*s), w);
  }
}

TEST(Tokenizer, OcrSymbolsForLettersStayInsideWords) {
  auto t = toks("nhi¢m ky, h@ tr¢, R&D; giá 5 ¢ và @user");
  std::vector<std::pair<TokenKind, std::string>> want = {
      {TokenKind::kWord, "nhi¢m"}, {TokenKind::kWord, "ky"},  {TokenKind::kWord, "h@"}, {TokenKind::kWord, "tr¢"},
      {TokenKind::kWord, "R&D"},   {TokenKind::kWord, "giá"}, {TokenKind::kNumber, "5"}, {TokenKind::kWord, "và"},
      {TokenKind::kWord, "user"},
  };
  EXPECT_EQ(t, want);
}

TEST(Tokenizer, LowerCaseWordsJoinedBySlashSplit) {
  auto t = toks("triệu đồng/năm; T/M; BC/ĐU; b/c");
  std::vector<std::pair<TokenKind, std::string>> want = {
      {TokenKind::kWord, "triệu"}, {TokenKind::kWord, "đồng"},  {TokenKind::kWord, "năm"},
      {TokenKind::kCode, "T/M"},   {TokenKind::kCode, "BC/ĐU"}, {TokenKind::kCode, "b/c"},
  };
  EXPECT_EQ(t, want);
}
