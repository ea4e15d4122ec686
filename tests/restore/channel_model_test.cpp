#include <gtest/gtest.h>

#include "restore/channel_model.hpp"
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
