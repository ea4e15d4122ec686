#include <gtest/gtest.h>

#include "restore/channel_model.hpp"
#include "restore/train/channel_builder.hpp"
#include "restore/small_models.hpp"
#include "test_util.hpp"

using namespace vn::restore;
using vn::test::small_channel;
using vn::test::small_channel_counts;

TEST(ChannelModel, SeenDamageScoresAboveUnseen) {
  const ChannelModel m = small_channel();
  EXPECT_GT(m.log_prob(U"dugc", U"được"), m.log_prob(U"dugc", U"của"));
  EXPECT_GT(m.log_prob(U"t6", U"tổ"), m.log_prob(U"t6", U"to"));
  // Unseen token, seen character damage: "ứ" -> "ir" generalises.
  EXPECT_GT(m.char_log_prob(U"chirc", U"chức"), m.char_log_prob(U"chirc", U"chắc"));
  EXPECT_GT(m.log_prob(U"x", U"của"), -100.0f);
}

// Witten-Bell: a syllable OCR damaged many ways in training leaves more
// to the character model for a token the table never saw it become than
// one always read the same way, as often seen.
TEST(ChannelModel, ManyKindsOfDamageLeaveMoreForUnseenTokens) {
  vn::restore::ChannelModelBuilder b;
  const std::u32string varied[] = {U"chirc", U"chite", U"chife", U"chire", U"chivc"};
  for (int i = 0; i < 20; ++i) {
    b.add_pair(U"chức", varied[i % 5]);
    b.add_pair(U"chúc", U"chuc");
  }
  const ChannelModel m = b.build();
  EXPECT_EQ(m.token_types(U"chức"), 5u);
  EXPECT_EQ(m.token_types(U"chúc"), 1u);
  EXPECT_EQ(m.token_types(U"chắc"), 0u);
  // "chitc": unseen; the characters read it either way about as well.
  const float varied_share = m.log_prob(U"chitc", U"chức") - m.char_log_prob(U"chitc", U"chức");
  const float steady_share = m.log_prob(U"chitc", U"chúc") - m.char_log_prob(U"chitc", U"chúc");
  EXPECT_GT(varied_share, steady_share + 0.4f);
}

TEST(ChannelModel, SavesAndLoads) {
  vn::test::TempDir dir;
  const ChannelModel m = small_channel();
  small_channel_counts().save(dir / "channel.tsv");
  const ChannelModel back = ChannelModel::load(dir / "channel.tsv");
  EXPECT_FLOAT_EQ(back.log_prob(U"dugc", U"được"), m.log_prob(U"dugc", U"được"));
  EXPECT_FLOAT_EQ(back.char_log_prob(U"t6", U"tô"), m.char_log_prob(U"t6", U"tô"));
  vn::test::write_file(dir / "bad.tsv", "X\tfoo\n");
  EXPECT_THROW(ChannelModel::load(dir / "bad.tsv"), std::runtime_error);
}
