// Channel adaptation (restore/channel_adaptation.hpp) and the pieces it is
// made of, with the shipped models on the bundled samples.
#include <gtest/gtest.h>

#include <tbb/global_control.h>

#include <filesystem>
#include <string>
#include <vector>

#include "restore/channel_adaptation.hpp"
#include "restore/channel_confusions.hpp"
#include "restore/channel_interpolation.hpp"
#include "restore/decoded_pairs.hpp"
#include "restore/restore_test_util.hpp"
#include "test_util.hpp"
#include "text/utf8.hpp"
#include "vi/letters.hpp"
#include "vi/tokenizer.hpp"

using namespace vn::restore;

namespace {

std::vector<std::string> sample_texts(const std::string& kind) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(vn::test::samples_dir() / kind)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<std::string> out;
  for (const auto& f : files) out.push_back(vn::test::read_file(f));
  return out;
}

// OCR without Vietnamese, with a damage the shipped channel has never
// seen: every "đ" printed as "q" and every "ơ" as "e", then all
// diacritics lost ("được" -> "quec", "Đảng" -> "Qang").
std::string planted_damage(std::string_view clean) {
  const std::u32string_view o_horn = U"ơớờởỡợ", o_horn_upper = U"ƠỚỜỞỠỢ";
  std::string out;
  for (const char32_t c : vn::text::to_u32(clean)) {
    char32_t d = vn::vi::strip_diacritics(c);
    if (c == U'đ') d = U'q';
    else if (c == U'Đ') d = U'Q';
    else if (o_horn.find(c) != std::u32string_view::npos) d = U'e';
    else if (o_horn_upper.find(c) != std::u32string_view::npos) d = U'E';
    vn::text::append_utf8(out, d);
  }
  return out;
}

// Share of the clean text's word tokens that `restored` has exactly, line
// by line where both have as many tokens (the damage keeps them aligned).
double syllable_error_rate(const std::vector<std::string>& clean, const std::vector<std::string>& restored) {
  size_t wrong = 0, all = 0;
  for (size_t d = 0; d < clean.size(); ++d) {
    std::vector<vn::vi::Token> a, b;
    vn::vi::tokenize(clean[d], a);
    vn::vi::tokenize(restored[d], b);
    if (a.size() != b.size()) continue;
    for (size_t i = 0; i < a.size(); ++i) {
      if (a[i].kind != vn::vi::TokenKind::kWord) continue;
      ++all;
      wrong += a[i].text(clean[d]) != b[i].text(restored[d]);
    }
  }
  return all == 0 ? 1.0 : static_cast<double>(wrong) / static_cast<double>(all);
}

double emission_share(const ChannelCounts& c, char32_t clean, std::u32string_view e) {
  const auto row = c.emissions.find(clean);
  if (row == c.emissions.end()) return 0;
  const auto it = row->second.find(std::u32string(e));
  return it == row->second.end() ? 0 : static_cast<double>(it->second) / c.chars.at(clean);
}

}  // namespace

TEST(ChannelInterpolation, SmallArchivesBarelyMoveTheBaseLargeOnesDominate) {
  ChannelCounts base;
  for (int i = 0; i < 999; ++i) add_pair(base, U"đ", U"d");
  add_pair(base, U"đ", U"p");
  ChannelCounts small, large;
  for (int i = 0; i < 5; ++i) add_pair(small, U"đ", U"p");
  for (int i = 0; i < 5000; ++i) add_pair(large, U"đ", U"p");
  const ChannelPrior prior;  // char_weight 500
  EXPECT_LT(emission_share(interpolate_channel(base, small, prior), U'đ', U"p"), 0.1);
  EXPECT_GT(emission_share(interpolate_channel(base, large, prior), U'đ', U"p"), 0.9);  // 5000 / 5500
  // What the archive lacks stays as it was.
  add_pair(base, U"tỉnh", U"tinh");
  EXPECT_EQ(interpolate_channel(base, large, prior).by_ocr.at(U"tinh").at(U"tỉnh"), 1u);
}

TEST(ChannelInterpolation, OneOffNewTokenPairsAreNotMemorised) {
  ChannelCounts base, archive;
  add_pair(base, U"bộ", U"bo");
  add_pair(archive, U"bộ", U"bd");
  add_pair(archive, U"sở", U"sb");
  add_pair(archive, U"sở", U"sb");
  const ChannelCounts out = interpolate_channel(base, archive, ChannelPrior{});
  EXPECT_FALSE(out.by_ocr.contains(U"bd"));
  EXPECT_TRUE(out.by_ocr.contains(U"sb"));
  EXPECT_TRUE(out.by_ocr.contains(U"bo"));
}

TEST(DecodedPairs, OnlyConfidentOneSyllableReadings) {
  const Restorer& r = vn::test::shipped_restorer();
  const std::string text = "Pang bo tinh lan thir XIX nam 2025";
  std::vector<DecodedPair> pairs;
  collect_pairs(text, r.read(text), 0.5f, pairs);
  ASSERT_FALSE(pairs.empty());
  bool dang = false;
  for (const DecodedPair& p : pairs) {
    EXPECT_NE(p.ocr, U"xix");   // kept as written
    EXPECT_NE(p.ocr, U"2025");  // a number
    dang |= p.ocr == U"pang" && p.syllable == U"đảng";
  }
  EXPECT_TRUE(dang);
}

TEST(ChannelAdaptation, LearnsDamageTheShippedChannelNeverSaw) {
  const std::vector<std::string> clean = sample_texts("clean");
  std::vector<std::string> damaged;
  for (const std::string& c : clean) damaged.push_back(planted_damage(c));
  const Restorer& base = vn::test::shipped_restorer();
  const AdaptationResult a = adapt_channel(base, damaged);
  ASSERT_TRUE(a.adapted());
  EXPECT_LT(emission_share(base.channel().counts(), U'đ', U"q"), 0.001);
  EXPECT_GT(emission_share(a.counts, U'đ', U"q"), 0.3);
  EXPECT_GT(emission_share(a.counts, U'ơ', U"e"), 0.1);
  const auto learned = learned_confusions(base.channel().counts(), a.counts, 5);
  ASSERT_FALSE(learned.empty());
  EXPECT_EQ(learned[0].clean, U"đ");
  EXPECT_EQ(learned[0].emitted, U"q");

  const auto adapted = base.with_channel(ChannelModel(a.counts));
  std::vector<std::string> before, after;
  for (const std::string& d : damaged) {
    before.push_back(base.restore(d, 0).text);
    after.push_back(adapted->restore(d, 0).text);
  }
  const double ser_before = syllable_error_rate(clean, before), ser_after = syllable_error_rate(clean, after);
  std::printf("planted damage: SER %.4f shipped channel, %.4f adapted (%zu rounds)\n", ser_before, ser_after,
              a.rounds.size());
  EXPECT_LT(ser_after, ser_before * 0.8);
}

TEST(ChannelAdaptation, IsDeterministicWhateverTheThreads) {
  const std::vector<std::string> ocr = sample_texts("ocr");
  const Restorer& base = vn::test::shipped_restorer();
  const std::string many = channel_tsv(adapt_channel(base, ocr).counts);
  std::string one;
  {
    tbb::global_control single(tbb::global_control::max_allowed_parallelism, 1);
    one = channel_tsv(adapt_channel(base, ocr).counts);
  }
  EXPECT_EQ(many, one);
}

TEST(ChannelAdaptation, OnePageGivesNothingToJudgeByAndChangesNothing) {
  const std::vector<std::string> ocr = sample_texts("ocr");
  const Restorer& base = vn::test::shipped_restorer();
  const AdaptationResult a = adapt_channel(base, {ocr[0].substr(0, 3000)});
  EXPECT_FALSE(a.adapted());
  EXPECT_EQ(channel_tsv(a.counts), channel_tsv(base.channel().counts()));
}

TEST(ChannelAdaptation, AFewPagesBarelyChangeTheChannel) {
  const std::vector<std::string> ocr = sample_texts("ocr");
  const Restorer& base = vn::test::shipped_restorer();
  const AdaptationResult a = adapt_channel(base, {ocr[0], ocr[1], ocr[2]});
  const ChannelCounts& b = base.channel().counts();
  // No emission of a character the shipped channel counted often moves far.
  for (const auto& [c, row] : b.emissions) {
    if (b.chars.at(c) < 1000) continue;
    for (const auto& [e, n] : row)
      EXPECT_NEAR(emission_share(a.counts, c, e), emission_share(b, c, e), 0.05)
          << vn::text::to_utf8(std::u32string(1, c)) << " -> " << vn::text::to_utf8(e);
  }
  // And the page reads nearly as before.
  const auto adapted = base.with_channel(ChannelModel(a.counts));
  const auto x = base.read(ocr[0]), y = adapted->read(ocr[0]);
  ASSERT_EQ(x.size(), y.size());
  size_t same = 0;
  for (size_t i = 0; i < x.size(); ++i)
    same += (x[i].syllable == nullptr) == (y[i].syllable == nullptr) &&
            (x[i].syllable == nullptr || *x[i].syllable == *y[i].syllable);
  EXPECT_GE(static_cast<double>(same) / static_cast<double>(x.size()), 0.97);
}
