#include <gtest/gtest.h>

#include "vi/tokenizer.hpp"

using namespace vn::vi;

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
