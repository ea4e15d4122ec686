#include <gtest/gtest.h>

#include <algorithm>

#include "restore/candidates.hpp"
#include "restore/small_models.hpp"

using namespace vn::restore;
using vn::test::small_channel;
using vn::test::small_lexicon;

namespace {

bool has(const std::vector<Candidate>& c, const Lexicon& lex, const char* syllable) {
  return std::any_of(c.begin(), c.end(), [&](const Candidate& x) { return lex.entry(x.id).syllable == syllable; });
}

}  // namespace

TEST(Candidates, IncludeTheRightAnswerForCommonDamage) {
  const Lexicon lex = small_lexicon();
  const ChannelModel ch = small_channel();
  CandidateGenerator gen(lex, ch, {});
  EXPECT_TRUE(has(gen.generate(U"dugc"), lex, "được"));
  EXPECT_TRUE(has(gen.generate(U"ciia"), lex, "của"));
  EXPECT_TRUE(has(gen.generate(U"t6"), lex, "tổ"));
  EXPECT_TRUE(has(gen.generate(U"chirc"), lex, "chức"));
  EXPECT_TRUE(has(gen.generate(U"pang"), lex, "đảng"));
  EXPECT_TRUE(has(gen.generate(U"1an"), lex, "lần"));
  EXPECT_TRUE(has(gen.generate(U"thir"), lex, "thứ"));
  EXPECT_TRUE(has(gen.generate(U"dang"), lex, "đảng"));  // unseen pair, by skeleton
  EXPECT_TRUE(gen.generate(std::u32string(10000, U'a')).empty());
}

// A "u" read as two letters ("ir", "it", "tt", "tr" inside a token) costs
// the deletion index two edits; the token is looked up with them merged
// too, so two more edits still reach the syllable.
TEST(Candidates, ReachAUReadAsTwoLettersAndMoreDamage) {
  const Lexicon lex({{"phường", 100}, {"những", 100}, {"thương", 100}, {"phương", 50}, {"trung", 80}});
  const ChannelModel ch = vn::test::small_channel();
  CandidateGenerator gen(lex, ch, {});
  EXPECT_TRUE(has(gen.generate(U"phiréng"), lex, "phường"));  // ư -> ir, ờ -> é
  EXPECT_TRUE(has(gen.generate(U"nbitng"), lex, "những"));    // h -> b, ữ -> it
  EXPECT_TRUE(has(gen.generate(U"thtfcng"), lex, "thương"));  // ư -> tf, ơ -> c
  CandidateGenerator one_edit(lex, ch, {.max_edits = 1});
  EXPECT_FALSE(has(one_edit.generate(U"phiréng"), lex, "phường"));
}
