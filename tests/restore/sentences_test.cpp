#include <gtest/gtest.h>

#include "restore/sentences.hpp"
#include "vi/tokenizer.hpp"

using namespace vn::restore;

TEST(Sentences, SplitAtSentencePunctuationBlankLinesAndLength) {
  const std::string text = "Một hai. Ba bốn\nnăm\n\nsáu; bảy";
  std::vector<vn::vi::Token> tokens;
  vn::vi::tokenize(text, tokens);
  const auto s = split_sentences(text, tokens);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0], std::make_pair(size_t{0}, size_t{2}));
  EXPECT_EQ(s[1], std::make_pair(size_t{2}, size_t{5}));
  EXPECT_EQ(split_sentences(text, tokens, 2).size(), 5u);
}
