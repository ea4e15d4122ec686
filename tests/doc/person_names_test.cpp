#include "doc/person_names.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>

using vn::doc::PersonNames;

namespace {

const PersonNames& names() {
  static const PersonNames n = PersonNames::parse(
      "# test\nsurname\tNguyễn\t900\nsurname\tVũ\t100\nsurname\tPhan\t70\nsurname\tPhần\t1\n"
      "middle\tMinh\t350\nmiddle\tBá\t400\nmiddle\tBà\t10\nmiddle\tVăn\t500\n"
      "given\tHải\t165\ngiven\tHai\t50\ngiven\tHưng\t214\ngiven\tHùng\t193\ngiven\tVũ\t30\n",
      "test.tsv");
  return n;
}

}  // namespace

TEST(PersonNames, ReadsNamesRestorationTookForWords) {
  EXPECT_EQ(names().read("Phần Mình Và"), "Phan Minh Và");  // no given name folds to "va": kept
  EXPECT_EQ(names().read("Vũ Bà Hai"), "Vũ Bá Hải");
  EXPECT_EQ(names().read("Phan Minh Vu"), "Phan Minh Vũ");
}

TEST(PersonNames, ReadsTheOcrsLettersWhenGiven) {
  EXPECT_EQ(names().read("Vì Bà Hai", "Vu Ba Hai"), "Vũ Bá Hải");
  EXPECT_EQ(names().read("Vì Bà Hai", "Vu Ba"), "Vì Bá Hải");  // other word counts: the restored name alone
  EXPECT_EQ(names().read("Phần Mình Và", "Phan Minh Xy"), "Phan Minh Và");  // no syllable folds as "xy" or "va"
}

TEST(PersonNames, KeepsAReadingAboutAsCommonAsTheBest) {
  EXPECT_EQ(names().read("Nguyễn Văn Hùng"), "Nguyễn Văn Hùng");  // Hưng is not twice as common
  EXPECT_EQ(names().read("Nguyễn Văn Hưng"), "Nguyễn Văn Hưng");
}

TEST(PersonNames, LeavesOtherTextAlone) {
  for (const char* s : {"", "Nguyễn", "BÍ THƯ", "Nguyễn Văn Hải Hùng Minh", "nguyễn văn hai", "Sở Tài chính"})
    EXPECT_EQ(names().read(s), s) << s;
  EXPECT_EQ(PersonNames().read("Vũ Bà Hai"), "Vũ Bà Hai");
}

TEST(PersonNames, MalformedFilesNameTheLine) {
  try {
    PersonNames::parse("surname\tNguyễn\t9\nuncle\tBa\t3\n", "bad.tsv");
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("bad.tsv:2"), std::string::npos) << e.what();
  }
  EXPECT_THROW(PersonNames::parse("given\tAn\tmany\n", "bad.tsv"), std::runtime_error);
  EXPECT_THROW(PersonNames::parse("given\tAn\n", "bad.tsv"), std::runtime_error);
  EXPECT_THROW(PersonNames::load("/nonexistent/names.tsv"), std::runtime_error);
}

TEST(PersonNames, ShippedFileLoads) {
  const auto file = std::filesystem::path(SAMPLES_DIR).parent_path() / "models" / "names.tsv";
  const PersonNames shipped = PersonNames::load(file);
  EXPECT_GT(shipped.size(), 1000u);
  EXPECT_EQ(shipped.read("Nguyễn Văn Mình"), "Nguyễn Văn Minh");
}
