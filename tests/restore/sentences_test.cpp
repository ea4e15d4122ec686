#include <gtest/gtest.h>

#include "restore/sentences.hpp"
#include "vi/tokenizer.hpp"

using namespace vn::restore;

TEST(Sentences, SplitAtSentencePunctuationBlankLinesAndLength) {
  const std::string text = "Một hai. Ba bốn\nnăm\n\nSáu; bảy";
  std::vector<vn::vi::Token> tokens;
  vn::vi::tokenize(text, tokens);
  const auto s = split_sentences(text, tokens);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0], std::make_pair(size_t{0}, size_t{2}));
  EXPECT_EQ(s[1], std::make_pair(size_t{2}, size_t{5}));
  EXPECT_EQ(split_sentences(text, tokens, 2).size(), 5u);
}

// A blank line before a small letter is a gap inside the sentence, as OCR
// of a narrow column leaves it ("đảng ủy trực\n\nthuộc").
TEST(Sentences, BlankLineBeforeASmallLetterContinuesTheSentence) {
  const std::string text = "Các đảng ủy trực\n\nthuộc tỉnh\n\nĐảng ủy\n\n12 xã";
  std::vector<vn::vi::Token> tokens;
  vn::vi::tokenize(text, tokens);
  const auto s = split_sentences(text, tokens);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], std::make_pair(size_t{0}, size_t{6}));
  EXPECT_EQ(s[1], std::make_pair(size_t{6}, size_t{8}));
  EXPECT_EQ(s[2], std::make_pair(size_t{8}, size_t{10}));
}

// A line that opens a list item starts a sentence, as each line of the
// training text does ("Nơi nhận: K/T TRƯỞNG BAN\n- Đảng đoàn HĐND").
TEST(Sentences, ALineOpeningAListItemStartsASentence) {
  const std::string text = "K/T TRƯỞNG BAN\n- Đảng đoàn HĐND\n  + Ban cán sự\nđảng UBND -2 tỉnh";
  std::vector<vn::vi::Token> tokens;
  vn::vi::tokenize(text, tokens);
  const auto s = split_sentences(text, tokens);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].second, 3u);  // K/T TRƯỞNG BAN
  EXPECT_EQ(s[1].second, 6u);  // Đảng đoàn HĐND
  EXPECT_EQ(s[2].second, tokens.size());  // "-2" opens no item
}

// So does one that opens with an item's letter and ")", even after a
// blank line and in a small letter (a scan's speck "i)" among recipients
// had joined "Tỉnh ủy viên" to the next item and read it "Tinh ấy viên").
TEST(Sentences, ALineOpeningALetteredItemStartsASentence) {
  const std::string text = "các điểm sau\na) Nội dung\n\ni)\n\nvà\nđiểm b)";
  std::vector<vn::vi::Token> tokens;
  vn::vi::tokenize(text, tokens);
  const auto s = split_sentences(text, tokens);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].second, 3u);             // các điểm sau
  EXPECT_EQ(s[1].second, 6u);             // a) Nội dung
  EXPECT_EQ(s[2].second, tokens.size());  // i) và điểm b): "b)" opens no line
}
