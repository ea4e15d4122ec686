#include <gtest/gtest.h>

#include <algorithm>

#include "restore/ocr_symbols.hpp"
#include "restore/restore_test_util.hpp"

using namespace vn::restore;

namespace {

// The texts of restoration_tokens(text), which go to `tokens`.
std::vector<std::string> token_texts(const std::string& text, std::vector<vn::vi::Token>& tokens) {
  restoration_tokens(text, tokens);
  std::vector<std::string> texts;
  for (const auto& t : tokens) texts.emplace_back(t.text(text));
  return texts;
}

}  // namespace

TEST(OcrSymbols, LoneSymbolsBetweenSpacesBecomeWordTokens) {
  const std::string text = "¢ dân chủ ¢ cơ sở, hi¢u & địa ¢¢ x¥\n¥ R & D, A @ b";
  std::vector<vn::vi::Token> tokens;
  const std::vector<std::string> got = token_texts(text, tokens);
  const std::vector<std::string> want = {"¢", "dân", "chủ", "¢", "cơ", "sở", "hi¢u", "&", "địa", "x¥", "¥", "R", "D", "A", "@", "b"};
  EXPECT_EQ(got, want);  // "¢¢" is no letter; "&" before a capital stands for itself
  for (size_t i = 1; i < tokens.size(); ++i) EXPECT_LT(tokens[i - 1].offset, tokens[i].offset);
}

// After a word in small letters "&" and "@" are letters too, before a
// capital ("nổi loạn & Haiti": ở Haiti); between capitals they are not.
TEST(OcrSymbols, AmpersandAfterRunningTextIsALetter) {
  std::vector<vn::vi::Token> tokens;
  const std::vector<std::string> want = {"nổi", "loạn", "&", "Haiti", "quân", "@", "Haiti", "Tiến", "Cộng", "sự", "R", "D"};
  EXPECT_EQ(token_texts("nổi loạn & Haiti, quân @ Haiti, Tiến & Cộng sự, R & D", tokens), want);
}

// A symbol opening a word is a letter of it, as is "¢" before a short
// number ("¢6" for "có"); a currency sign before an amount is not.
TEST(OcrSymbols, ASymbolOpeningAWordIsALetterOfIt) {
  std::vector<vn::vi::Token> tokens;
  const std::vector<std::string> want = {"người", "¢6", "công", "và", "¢c6", "giá", "100", "5", "1234"};
  EXPECT_EQ(token_texts("người ¢6 công và ¢c6 giá €100 £5 ¢1234", tokens), want);
  EXPECT_EQ(tokens[1].kind, vn::vi::TokenKind::kWord);
  const RestoredText r = vn::test::restore_checked("người ¢6 công và ¢c6 tác động");
  EXPECT_EQ(r.text, "người có công và có tác động");
}

// A symbol after a one-digit number ends a word read with a digit for a
// letter ("1¢" for "lệ"); after a longer number it is no letter.
TEST(OcrSymbols, ASymbolAfterADigitForALetterEndsTheWord) {
  std::vector<vn::vi::Token> tokens;
  const std::vector<std::string> want = {"tỷ", "1¢", "hồ", "sơ", "2025", "1", "x"};
  EXPECT_EQ(token_texts("tỷ 1¢ hồ sơ 2025¢ 1¢x", tokens), want);
  EXPECT_EQ(tokens[1].kind, vn::vi::TokenKind::kWord);
  EXPECT_EQ(vn::test::restore_checked("đạt trên 35%, ty 1¢ ho so giai quyet").text,
            "đạt trên 35%, tỷ lệ hồ sơ giải quyết");
}

TEST(OcrSymbols, ReadingsReplaceEachSymbolByItsLetters) {
  const auto r = symbol_readings(U"hi¢u");
  EXPECT_NE(std::find(r.begin(), r.end(), U"hieu"), r.end());
  EXPECT_NE(std::find(r.begin(), r.end(), U"hiou"), r.end());
  EXPECT_TRUE(symbol_readings(U"hieu").empty());
  const auto speck = symbol_readings(U"¢c6");  // a speck before a word
  EXPECT_NE(std::find(speck.begin(), speck.end(), U"c6"), speck.end());
  const auto after = symbol_readings(U"huyén®");  // or after it
  EXPECT_NE(std::find(after.begin(), after.end(), U"huyén"), after.end());
  EXPECT_LE(symbol_readings(U"¢&¢&").size(), kMaxSymbolReadings);
}

TEST(OcrSymbols, TheRestorerReadsThemAsLetters) {
  const RestoredText r = vn::test::restore_checked("thực hiện dân chủ ¢ cơ sở, nâng cao hi¢u quả, phải cho ¥ kiến");
  EXPECT_EQ(r.text, "thực hiện dân chủ ở cơ sở, nâng cao hiệu quả, phải cho ý kiến");
}

// A bar alone after a word that takes a number is a 1 (an I after one
// that takes a Roman numeral) the OCR read so; elsewhere it is a speck.
TEST(OcrSymbols, ABarAfterAWordThatTakesANumberIsOne) {
  std::vector<vn::vi::Token> tokens;
  const std::vector<std::string> want = {"khoản", "|", "Điều", "3", "Điều", "|", "môi", "trường", "quy", "định"};
  EXPECT_EQ(token_texts("khoản | Điều 3, Điều |. môi | trường, quy | định", tokens), want);
  EXPECT_EQ(tokens[1].kind, vn::vi::TokenKind::kNumber);
  EXPECT_EQ(vn::test::restore_checked("theo khoan | Dieu 18 va Dieu |. Pham vi\nngay 12 thang | nam 2021").text,
            "theo khoản 1 Điều 18 và Điều 1. Phạm vi\nngày 12 tháng 1 năm 2021");
  EXPECT_EQ(vn::test::restore_checked("Chuong | quy dinh chung").text, "Chương I quy định chung");
  // After the commonest of those words as OCR damages them.
  EXPECT_EQ(vn::test::restore_checked("tai khodn | Digu 18, ngay 12 thing | nam 2021").text,
            "tại khoản 1 Điều 18, ngày 12 tháng 1 năm 2021");
}

// "$" opening a one-digit number is the S of a syllable ("$6" for "số");
// before a longer number it is the currency sign.
TEST(OcrSymbols, ADollarOpeningOneDigitIsAnS) {
  std::vector<vn::vi::Token> tokens;
  const std::vector<std::string> want = {"$6", "lượng", "60", "7"};
  EXPECT_EQ(token_texts("$6 lượng $60 7$", tokens), want);
  EXPECT_EQ(tokens[0].kind, vn::vi::TokenKind::kWord);
  EXPECT_EQ(vn::test::restore_checked("tong $6 ung vien").text, "tổng số ứng viên");
  // Its S is a capital where one would stand: opening a line or a sentence.
  EXPECT_EQ(vn::test::restore_checked("$6. 01-BC/TU Bac Ninh. $6 luong").text, "Số. 01-BC/TU Bắc Ninh. Số lượng");
}

// "¢)" and "©)" opening a line number a list item: "c)".
TEST(OcrSymbols, ACentSignNumberingAListItemIsC) {
  std::vector<vn::vi::Token> tokens;
  const std::vector<std::string> want = {"a", "Co", "van", "¢", "Xay", "©", "Giam"};
  EXPECT_EQ(token_texts("a) Co van\n¢) Xay\n  ©) Giam", tokens), want);
  EXPECT_EQ(vn::test::restore_checked("b) Co van ban\n¢) Xay dung va\n©) Giam thue").text,
            "b) Có văn bản\nc) Xây dựng và\nc) Giảm thuế");
}

// A quote right after a code, before a letter part, is the code's slash
// misread: one code token, written with the slash ("17-KL‘TU").
TEST(OcrSymbols, ACodeSplitByAQuoteIsOneCode) {
  std::vector<vn::vi::Token> tokens;
  const std::vector<std::string> want = {"17-KL‘TU", "ngày", "80/2015’QH13", "O", "Neil", "TU", "4-QD", "tu"};
  EXPECT_EQ(token_texts("17-KL‘TU ngày 80/2015’QH13 O'Neil 'TU' 4-QD'tu", tokens), want);
  EXPECT_EQ(tokens[0].kind, vn::vi::TokenKind::kCode);
  EXPECT_EQ(vn::test::restore_checked("Ket luan so 17-KL‘TU ngay 22, Nghi quyet so 19-NQ’TW va so 4-QD'TU").text,
            "Kết luận số 17-KL/TU ngày 22, Nghị quyết số 19-NQ/TW và số 4-QĐ/TU");
}

// A capital O and a digit or two is a number whose 0 the OCR read as an O
// ("O1" for "01"); a small o may be "có" with its c lost ("o6").
TEST(OcrSymbols, ACapitalOBeforeDigitsIsAZero) {
  EXPECT_EQ(number_with_o_for_zero("O1"), "01");
  EXPECT_EQ(number_with_o_for_zero("O12"), "012");
  EXPECT_EQ(number_with_o_for_zero("o6"), std::nullopt);
  EXPECT_EQ(number_with_o_for_zero("O1A"), std::nullopt);
  EXPECT_EQ(number_with_o_for_zero("O"), std::nullopt);
  EXPECT_EQ(vn::test::restore_checked("Mau so O1 tai Phu luc, thoi han O1 ngay").text,
            "Mẫu số 01 tại Phụ lục, thời hạn 01 ngày");
}
