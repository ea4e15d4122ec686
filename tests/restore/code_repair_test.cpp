#include "restore/code_repair.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "restore/train/code_parts_builder.hpp"
#include "test_util.hpp"
#include "vi/tokenizer.hpp"

using vn::restore::CodeRepair;
using vn::restore::CodeRepairBuilder;
using vn::restore::save_code_parts;

namespace {

// A small clean "corpus" of codes, fed through the tokenizer as training is.
CodeRepair small_model(uint64_t min_count = 3) {
  const std::vector<std::pair<const char*, int>> lines = {
      {"Nghị định 29/2023/NĐ-CP của Chính phủ", 60},
      {"Quyết định 749/QĐ-TTg ngày 03/6/2020", 30},
      {"Quyết định 2098-QĐ/TU của Tỉnh ủy", 20},
      {"Nghị quyết 18-NQ/TW, Báo cáo 103-BC/ĐU ngày 25/10/2017", 10},
      {"Kế hoạch 45/KH-UBND, Báo cáo 12/BC-UBND", 8},
      {"Quyết định 01/QD-XYZ", 1},  // a rare real "QD": not frequent enough to stand
      {"Hướng dẫn 05/HD-BTC", 6},   // "HD" is real and more frequent than "HĐ"
      {"Hợp đồng 07/HĐ-BTC", 1},
  };
  CodeRepairBuilder b;
  std::vector<vn::vi::Token> tokens;
  for (const auto& [line, times] : lines) {
    const std::string_view text(line);
    tokens.clear();
    vn::vi::tokenize(text, tokens);
    for (int i = 0; i < times; ++i)
      for (const auto& t : tokens)
        if (t.kind == vn::vi::TokenKind::kCode) b.add_token(t.text(text));
  }
  return b.build(min_count);
}

}  // namespace

TEST(CodeRepair, CountsLetterPartsCaseSensitively) {
  const CodeRepair m = small_model();
  EXPECT_EQ(m.count("NĐ"), 60u);
  EXPECT_EQ(m.count("CP"), 60u);
  EXPECT_EQ(m.count("TTg"), 30u);
  EXPECT_EQ(m.count("QĐ"), 50u);
  EXPECT_EQ(m.count("BC"), 18u);
  EXPECT_EQ(m.count("UBND"), 16u);
  EXPECT_EQ(m.count("ttg"), 0u);
  EXPECT_EQ(m.count("2023"), 0u);  // no letters
  EXPECT_EQ(m.count("QD"), 0u);    // below min_count
  EXPECT_EQ(m.entries().front().part, "CP");  // descending count, ties by bytes
  EXPECT_EQ(m.entries()[1].part, "NĐ");
}

TEST(CodeRepair, RepairsOcrDamageInLetterParts) {
  const CodeRepair m = small_model();
  EXPECT_EQ(m.repair("2098-QB/TU"), "2098-QĐ/TU");
  EXPECT_EQ(m.repair("2092-QD/TU"), "2092-QĐ/TU");
  EXPECT_EQ(m.repair("29/2023/NB-CP"), "29/2023/NĐ-CP");
  EXPECT_EQ(m.repair("29/2023/ND-CP"), "29/2023/NĐ-CP");
  EXPECT_EQ(m.repair("103-BC/DU"), "103-BC/ĐU");
  EXPECT_EQ(m.repair("BC/DU"), "BC/ĐU");  // "103 -BC/DU": the tokenizer's code starts at "BC"
  EXPECT_EQ(m.repair("103-BC/PU"), "103-BC/ĐU");
  EXPECT_EQ(m.repair("103-BC/0U"), "103-BC/ĐU");
  EXPECT_EQ(m.repair("749/QP-TTg"), "749/QĐ-TTg");
  EXPECT_EQ(m.repair("2092-QD'TU"), "2092-QĐ/TU");  // a quote read for the slash
  EXPECT_EQ(m.repair("29/2023‘ND-CP"), "29/2023/NĐ-CP");
  EXPECT_EQ(vn::restore::with_slashes("17-KL’TU`X"), "17-KL/TU/X");
}

TEST(CodeRepair, LeavesKnownPartsNumbersAndUnknownsAlone) {
  const CodeRepair m = small_model();
  EXPECT_EQ(m.repair("18-NQ/TW"), "18-NQ/TW");
  EXPECT_EQ(m.repair("45/KH-UBND"), "45/KH-UBND");
  EXPECT_EQ(m.repair("12/BC-UBND"), "12/BC-UBND");  // "BC" is frequent: never "ĐC"
  EXPECT_EQ(m.repair("05/HD-BTC"), "05/HD-BTC");    // "HD" beats the rarer "HĐ"
  EXPECT_EQ(m.repair("29/2023/NĐ-CP"), "29/2023/NĐ-CP");
  EXPECT_EQ(m.repair("25/10/2017"), "25/10/2017");
  EXPECT_EQ(m.repair("2020-2025"), "2020-2025");
  EXPECT_EQ(m.repair("7/XYZW-ABC"), "7/XYZW-ABC");  // no candidate
  EXPECT_EQ(m.repair("QB"), "QĐ");
  EXPECT_EQ(m.repair(""), "");
  EXPECT_EQ(m.repair("-/"), "-/");
  EXPECT_EQ(m.repair("12//QB-"), "12//QĐ-");
}

TEST(CodeRepair, SubstitutionsMustWinByTheRatio) {
  // "QD" known with 10; "QĐ" needs more than 10 * 20 to replace it.
  const CodeRepair close({{"QD", 10}, {"QĐ", 200}});
  EXPECT_EQ(close.repair("1/QD"), "1/QD");
  const CodeRepair far({{"QD", 10}, {"QĐ", 201}});
  EXPECT_EQ(far.repair("1/QD"), "1/QĐ");
  // Two substitutions cost twice: "ĐƯ" from "DU" needs a 400-fold margin over "DU"...
  const CodeRepair two({{"DU", 1}, {"ĐƯ", 400}});
  EXPECT_EQ(two.repair("DU"), "DU");
  // ...and an unknown part takes the best-scoring candidate: one substitution
  // at 30 (score 30/20) beats two at 500 (500/400).
  const CodeRepair pick({{"ĐU", 30}, {"ĐƯ", 500}});
  EXPECT_EQ(pick.repair("DU"), "ĐU");
  // More than two substitutions are not reached.
  const CodeRepair three({{"ĐĐĐ", 1000}});
  EXPECT_EQ(three.repair("DDD"), "DDD");
  EXPECT_EQ(three.repair("DĐD"), "ĐĐĐ");
  // Lower case maps to lower case.
  const CodeRepair lower({{"năm", 100}, {"đồng", 100}});
  EXPECT_EQ(lower.repair("người/nam"), "người/năm");
  EXPECT_EQ(lower.repair("NAM"), "NAM");
}

TEST(CodeRepair, SavesAndLoadsDeterministically) {
  vn::test::TempDir dir;
  const CodeRepair m = small_model();
  save_code_parts(m, dir / "code_parts.tsv");
  save_code_parts(small_model(), dir / "again.tsv");
  const std::string bytes = vn::test::read_file(dir / "code_parts.tsv");
  EXPECT_EQ(bytes, vn::test::read_file(dir / "again.tsv"));
  EXPECT_EQ(bytes.substr(0, 6), "CP\t60\n");
  const CodeRepair back = CodeRepair::load(dir / "code_parts.tsv");
  ASSERT_EQ(back.size(), m.size());
  for (size_t i = 0; i < m.size(); ++i) {
    EXPECT_EQ(back.entries()[i].part, m.entries()[i].part);
    EXPECT_EQ(back.entries()[i].count, m.entries()[i].count);
  }
  EXPECT_EQ(back.repair("2098-QB/TU"), "2098-QĐ/TU");
}

TEST(CodeRepair, MalformedFileThrowsNamingFileAndLine) {
  vn::test::TempDir dir;
  const auto expect_error = [&](const std::string& bytes, const std::string& needle) {
    vn::test::write_file(dir / "bad.tsv", bytes);
    try {
      CodeRepair::load(dir / "bad.tsv");
      ADD_FAILURE() << "no exception for " << bytes;
    } catch (const std::runtime_error& e) {
      const std::string what = e.what();
      EXPECT_NE(what.find("bad.tsv"), std::string::npos) << what;
      EXPECT_NE(what.find(needle), std::string::npos) << what;
    }
  };
  expect_error("QĐ\t12\nCP 7\n", "bad.tsv:2: expected part<TAB>count");
  expect_error("QĐ\tmany\n", ":1: expected part<TAB>count");
  expect_error("QĐ\t\n", ":1:");
  expect_error("\t5\n", ":1:");
  expect_error("QĐ\t99999999999999999999999\n", ":1:");
  expect_error("NĐ-CP\t5\n", ":1: a code part");
  expect_error("2023\t5\n", ":1: a code part");
  EXPECT_THROW(CodeRepair::load(dir / "missing.tsv"), std::runtime_error);
}

// An unknown word may be a foreign abbreviation: it yields only to a part
// seen more than kUnknownAbbreviationCount times the ratio.
TEST(CodeRepair, AbbreviationsWrittenAsWordsNeedMoreEvidence) {
  const CodeRepair m({{"CĐS", 22}, {"ĐBQH", 145}, {"HĐND", 1185}});
  EXPECT_EQ(m.repair_abbreviation("CBS"), "CBS");
  EXPECT_EQ(m.repair_part("CBS"), "CĐS");  // a code's part: unknown is damage
  EXPECT_EQ(m.repair_abbreviation("DBQH"), "ĐBQH");
  EXPECT_EQ(m.repair_abbreviation("HDND"), "HĐND");
  EXPECT_EQ(m.repair_abbreviation("NATO"), "NATO");
}
