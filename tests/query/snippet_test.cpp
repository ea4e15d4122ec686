#include <gtest/gtest.h>

#include "query/query_parser.hpp"
#include "query/snippet.hpp"

using namespace vn::query;

TEST(Snippet, PicksTheBestWindowAndMarksMatches) {
  std::string text = "Mở đầu văn bản.\n";
  for (int i = 0; i < 50; ++i) text += "từ khác ";
  text += "Đảng bộ\ntỉnh Lạng Sơn";
  const auto s = make_snippet(text, parse_query("dang bo tinh").words, 10);
  EXPECT_EQ(s.text.rfind("… ", 0), 0u);
  EXPECT_NE(s.text.find("Đảng bộ tỉnh Lạng Sơn"), std::string::npos) << s.text;  // newline collapsed
  ASSERT_EQ(s.matches.size(), 3u);
  EXPECT_EQ(s.text.substr(s.matches[0].first, s.matches[0].second), "Đảng");
}

TEST(Snippet, AccentedWordsHighlightOnlyTheirSpelling) {
  const auto s = make_snippet("bộ bổ bo", parse_query("bộ").words);
  ASSERT_EQ(s.matches.size(), 1u);
  EXPECT_EQ(s.matches[0].first, 0u);
  EXPECT_EQ(make_snippet("bộ bổ bo", parse_query("bo").words).matches.size(), 3u);
}

TEST(Snippet, ControlCharactersAndMonsterTokensAreTamed) {
  const std::string text = "Đảng\x01\x02" + std::string(10000, 'x') + "\tbộ";
  const auto s = make_snippet(text, parse_query("dang").words);
  EXPECT_EQ(s.text.find('\x01'), std::string::npos);
  EXPECT_LT(s.text.size(), 100u);
  EXPECT_NE(s.text.find("xxx…"), std::string::npos) << s.text;
}

TEST(Snippet, AChunkOfALongerTextShowsThereIsMore) {
  const auto words = parse_query("dang").words;
  EXPECT_EQ(make_snippet("Đảng bộ tỉnh", words).text, "Đảng bộ tỉnh");
  const auto s = make_snippet("Đảng bộ tỉnh", words, 30, {.text_before = true, .text_after = true});
  EXPECT_EQ(s.text, "… Đảng bộ tỉnh …");
  ASSERT_EQ(s.matches.size(), 1u);
  EXPECT_EQ(s.text.substr(s.matches[0].first, s.matches[0].second), "Đảng");
}
