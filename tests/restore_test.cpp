#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "restore/train/alignment.hpp"
#include "restore/candidates.hpp"
#include "restore/channel_model.hpp"
#include "restore/train/channel_builder.hpp"
#include "restore/train/lexicon_builder.hpp"
#include "restore/lexicon.hpp"
#include "restore/restorer.hpp"
#include "restore/sentences.hpp"
#include "restore/train/trainer.hpp"
#include "text/utf8.hpp"
#include "test_util.hpp"

using namespace vn::restore;
using vn::text::to_u32;

TEST(Alignment, PairsCleanTokensWithTheirOcr) {
  const auto a = align_tokens("Đảng bộ tỉnh lần thứ XIX", "Pang bo tinh 1an thir XIX");
  ASSERT_EQ(a.size(), 6u);
  EXPECT_EQ(a[0].clean, "Đảng");
  EXPECT_EQ(a[0].ocr, "Pang");
  EXPECT_EQ(a[3].ocr, "1an");
  EXPECT_EQ(a[4].ocr, "thir");
}

TEST(Alignment, HandlesDroppedAndSpuriousTokens) {
  const auto a = align_tokens("tổ chức thực hiện", "t6 ~ chirc hién");
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& t : a) got.emplace_back(t.clean, t.ocr);
  EXPECT_NE(std::find(got.begin(), got.end(), std::make_pair(std::string("thực"), std::string(""))), got.end());
  EXPECT_NE(std::find(got.begin(), got.end(), std::make_pair(std::string("hiện"), std::string("hién"))), got.end());
}

TEST(Alignment, CharacterEmissionsAttachSplits) {
  const auto e = char_emissions(U"thứ", U"thir");
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[2].first, U'ứ');
  EXPECT_EQ(e[2].second, U"ir");
  const auto d = char_emissions(U"được", U"dugc");
  EXPECT_EQ(d[0].second, U"d");
  EXPECT_EQ(d[2].second, U"g");
}

namespace {

Lexicon small_lexicon() {
  return Lexicon({{"được", 900}, {"của", 800}, {"tổ", 500}, {"chức", 480}, {"đảng", 400}, {"dược", 50}, {"to", 40},
                  {"tô", 30}, {"lần", 300}, {"thứ", 250}, {"dang", 5}, {"đang", 200}, {"bộ", 350}, {"bo", 3}});
}

ChannelModelBuilder small_channel_counts() {
  ChannelModelBuilder m;
  for (int i = 0; i < 20; ++i) {
    m.add_pair(U"được", U"dugc");
    m.add_pair(U"của", U"ciia");
    m.add_pair(U"tổ", U"t6");
    m.add_pair(U"chức", U"chirc");
    m.add_pair(U"đảng", U"pang");
    m.add_pair(U"lần", U"1an");
    m.add_pair(U"thứ", U"thir");
    m.add_pair(U"bộ", U"bo");
  }
  m.add_pair(U"đang", U"dang");
  return m;
}

ChannelModel small_channel() { return small_channel_counts().build(); }

bool has(const std::vector<Candidate>& c, const Lexicon& lex, const char* syllable) {
  return std::any_of(c.begin(), c.end(), [&](const Candidate& x) { return lex.entry(x.id).syllable == syllable; });
}

}  // namespace

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

TEST(Lexicon, KeepsOnlyAttestedWellFormedSyllables) {
  LexiconBuilder b;
  b.add_text("Đảng bộ tỉnh Đảng bộ UBND ASEAN thiéng thiéng thiéng 2025 Đảng");
  const Lexicon lex = b.build(2);
  EXPECT_NE(lex.id("đảng"), kUnk);
  EXPECT_NE(lex.id("bộ"), kUnk);
  EXPECT_EQ(lex.id("tỉnh"), kUnk);     // seen once
  EXPECT_EQ(lex.id("thiéng"), kUnk);   // ill-formed
  EXPECT_EQ(lex.entry(lex.id("đảng")).count, 3u);
  EXPECT_EQ(lex.id("đảng"), kFirstSyllable);  // most frequent first
  EXPECT_EQ(lex.classify("UBND", vn::vi::TokenKind::kWord), kForeign);
  EXPECT_EQ(lex.classify("2025", vn::vi::TokenKind::kNumber), kNumber);
  EXPECT_EQ(lex.classify("18-NQ/TW", vn::vi::TokenKind::kCode), kCode);
  EXPECT_EQ(lex.classify("ĐẢNG", vn::vi::TokenKind::kWord), lex.id("đảng"));
}

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

TEST(Restorer, CarriesTheCasePattern) {
  EXPECT_EQ(apply_case("PANG", U"đảng"), "ĐẢNG");
  EXPECT_EQ(apply_case("Pang", U"đảng"), "Đảng");
  EXPECT_EQ(apply_case("pang", U"đảng"), "đảng");
  EXPECT_EQ(apply_case("S6", U"số"), "Số");
  EXPECT_EQ(apply_case("1an", U"lần"), "lần");
  EXPECT_EQ(apply_case("A", U"à"), "À");
}

TEST(Trainer, HeldOutSplitIsAStableOnePercent) {
  size_t held = 0;
  for (int i = 0; i < 100000; ++i) held += is_held_out("dòng " + std::to_string(i));
  EXPECT_GT(held, 800u);
  EXPECT_LT(held, 1200u);
  EXPECT_EQ(is_held_out("Đảng bộ tỉnh"), is_held_out("Đảng bộ tỉnh"));
}

namespace {

// Training options for a small corpus written into `dir`.
TrainOptions small_training(const vn::test::TempDir& dir) {
  std::string corpus;
  for (int i = 0; i < 5; ++i)
    corpus += "Đảng bộ tỉnh lần thứ XIX.\nBáo cáo của Ban Thường vụ Tỉnh ủy.\nNghị quyết 18-NQ/TW ngày 25/10/2017.\n";
  vn::test::write_file(dir / "corpus" / "a.txt", corpus);
  TrainOptions o;
  o.corpus_dir = dir / "corpus";
  o.out_dir = dir / "models";
  return o;
}

const char* const kModelFiles[] = {"lexicon.tsv", "lm.bin", "code_parts.tsv", "channel.tsv"};

}  // namespace

TEST(Trainer, ReplacesTheModelDirectoryWholeKeepingOtherFiles) {
  vn::test::TempDir dir;
  TrainOptions o = small_training(dir);
  std::ostringstream log;
  o.out_dir = dir / "fresh";
  train_models(o, log);  // into a new directory

  o.out_dir = dir / "models";
  vn::test::write_file(dir / "models" / "README.md", "readme");
  vn::test::write_file(dir / "models" / "notes" / "n.txt", "notes");
  vn::test::write_file(dir / "models" / "lexicon.tsv", "old\t1\n");
  train_models(o, log);
  for (const char* file : kModelFiles)
    EXPECT_EQ(vn::test::read_file(dir / "models" / file), vn::test::read_file(dir / "fresh" / file)) << file;
  EXPECT_EQ(vn::test::read_file(dir / "models" / "README.md"), "readme");
  EXPECT_EQ(vn::test::read_file(dir / "models" / "notes" / "n.txt"), "notes");
  EXPECT_NE(vn::test::read_file(dir / "models" / "lexicon.tsv").find("đảng\t5\n"), std::string::npos);
  std::set<std::string> beside;  // no staging directory left
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) beside.insert(e.path().filename().string());
  EXPECT_EQ(beside, (std::set<std::string>{"corpus", "fresh", "models"}));
}

TEST(Trainer, AFailedRunLeavesTheModelDirectoryAsItWas) {
  vn::test::TempDir dir;
  TrainOptions o = small_training(dir);
  o.pair_files = {dir / "missing.jsonl.zst"};  // read after the other models are written
  vn::test::write_file(dir / "models" / "lexicon.tsv", "old\t1\n");
  std::ostringstream log;
  EXPECT_THROW(train_models(o, log), std::runtime_error);
  EXPECT_EQ(vn::test::read_file(dir / "models" / "lexicon.tsv"), "old\t1\n");
  EXPECT_FALSE(std::filesystem::exists(dir / "models" / "lm.bin"));
  EXPECT_FALSE(std::filesystem::exists(dir / "models.train-staging"));
}

TEST(RestorerWithModels, UngluesNumbersFromWords) {
  const auto restorer = Restorer::load(default_model_dir());
  EXPECT_EQ(restorer->restore("Lang Son, ngay 06thang 8 nam2025").text, "Lạng Sơn, ngày 06 tháng 8 năm 2025");
  EXPECT_EQ(restorer->restore("t6 chirc").text, "tổ chức");  // one letter: not a glued number
}

TEST(RestorerWithModels, RejoinsSyllablesTheOcrSplit) {
  const auto restorer = Restorer::load(default_model_dir());
  const RestoredText r = restorer->restore("Ngh i quyet, thu c hién");
  EXPECT_EQ(r.text, "Nghị quyết, thực hiện");
  ASSERT_FALSE(r.tokens.empty());
  EXPECT_EQ(r.tokens[0].original, "Ngh i");  // one restored token covers both pieces
  EXPECT_EQ(r.tokens[0].restored, "Nghị");
}

TEST(RestorerWithModels, RestoringInPiecesEqualsRestoringWhole) {
  const auto restorer = Restorer::load(default_model_dir());
  std::string text;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(__FILE__).parent_path().parent_path() /
                                                           "samples" / "ocr"))
    text += vn::test::read_file(e.path()) + "\n\n";
  std::string pieces;
  size_t calls = 0;
  restore_in_pieces(*restorer, text, 2000, [&](std::string_view p) {
    pieces += p;
    ++calls;
  });
  EXPECT_GT(calls, 10u);
  EXPECT_EQ(pieces, restorer->restore(text).text);

  // Found by restore_fuzz: a cut after "T:" inside a line changed the case
  // the next short token takes from its line ("Tờ/" whole, "TỜ/" in pieces).
  const std::string line = "Ban chap hanh tinh uy.\ntc T: T/ DMANG.inh\n";
  std::string cut;
  restore_in_pieces(*restorer, line, 33, [&](std::string_view p) { cut += p; });
  EXPECT_EQ(cut, restorer->restore(line).text);
}
