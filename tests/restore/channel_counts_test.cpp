#include <gtest/gtest.h>

#include "restore/channel_counts.hpp"
#include "restore/char_alignment.hpp"
#include "test_util.hpp"

using namespace vn::restore;

TEST(CharAlignment, EmissionsAttachSplits) {
  const auto e = char_emissions(U"thứ", U"thir");
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[2].first, U'ứ');
  EXPECT_EQ(e[2].second, U"ir");
  const auto d = char_emissions(U"được", U"dugc");
  EXPECT_EQ(d[0].second, U"d");
  EXPECT_EQ(d[2].second, U"g");
}

TEST(ChannelCounts, AddPairCountsTheTokenAndEachCharacter) {
  ChannelCounts c;
  add_pair(c, U"đảng", U"pang", 3);
  add_pair(c, U"đảng", U"dang");
  EXPECT_EQ(c.by_ocr[U"pang"][U"đảng"], 3u);
  EXPECT_EQ(c.syllables[U"đảng"], 4u);
  EXPECT_EQ(c.emissions[U'đ'][U"p"], 3u);
  EXPECT_EQ(c.emissions[U'đ'][U"d"], 1u);
  EXPECT_EQ(c.chars[U'đ'], 4u);
  EXPECT_EQ(token_pairs(c), 2u);
}

TEST(ChannelCounts, FileRoundTripsWithCommentsAndIsDeterministic) {
  vn::test::TempDir dir;
  ChannelCounts c;
  add_pair(c, U"được", U"dugc", 2);
  add_pair(c, U"tổ", U"t6");
  add_pair(c, U"tổ", U"to");
  const std::string tsv = channel_tsv(c, 2, {"adapted from 1 page"});
  EXPECT_TRUE(tsv.starts_with("# adapted from 1 page\n"));
  vn::test::write_file(dir / "channel.tsv", tsv);
  const ChannelCounts back = read_channel_counts(dir / "channel.tsv");
  EXPECT_EQ(back.by_ocr.at(U"dugc").at(U"được"), 2u);
  EXPECT_FALSE(back.by_ocr.contains(U"t6"));  // below min_count
  EXPECT_EQ(back.syllables.at(U"tổ"), 2u);
  EXPECT_EQ(back.chars, c.chars);
  EXPECT_EQ(channel_tsv(back, 2, {"adapted from 1 page"}), tsv);
}

TEST(ChannelCounts, MalformedFileNamesFileAndLine) {
  vn::test::TempDir dir;
  vn::test::write_file(dir / "bad.tsv", "# fine\nS\tđảng\t3\nX\tfoo\n");
  try {
    read_channel_counts(dir / "bad.tsv");
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("bad.tsv:3"), std::string::npos) << e.what();
  }
  EXPECT_THROW(read_channel_counts(dir / "missing.tsv"), std::runtime_error);
}
