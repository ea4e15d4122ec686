#include <gtest/gtest.h>

#include <sstream>

#include "restore/train/trainer.hpp"
#include "test_util.hpp"

using namespace vn::restore;

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
