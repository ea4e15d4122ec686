#include "doc/person_names.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
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

// With the OCR channel: each word is the syllable of its role that best
// explains the OCR, by the channel times its share of the role.
TEST(PersonNames, ReadsEachWordByTheChannelWhenGivenOne) {
  const PersonNames n = PersonNames::parse(
      "surname\tNguyễn\t900\nsurname\tHuỳnh\t50\nsurname\tLục\t20\n"
      "middle\tĐức\t300\nmiddle\tDiệc\t2\nmiddle\tAnh\t100\n"
      "given\tHưng\t214\ngiven\tHùng\t193\ngiven\tMinh\t100\ngiven\tVũ\t30\n",
      "test.tsv");
  // log10 P(ocr | syllable): the pairs below, else far less likely.
  const vn::doc::OcrLikelihood channel = [](std::u32string_view ocr, std::u32string_view syllable) {
    static const std::map<std::pair<std::u32string, std::u32string>, float> known = {
        {{U"huynb", U"huỳnh"}, -2.0f}, {{U"hung", U"hùng"}, -0.5f}, {{U"hung", U"hưng"}, -1.5f},
        {{U"dire", U"đức"}, -2.5f},    {{U"dire", U"diệc"}, -1.5f}, {{U"anh", U"anh"}, -0.1f},
        {{U"minh", U"minh"}, -0.1f},   {{U"loc", U"lục"}, -4.0f},   {{U"loc", U"lộc"}, -0.3f},
        {{U"va", U"và"}, -0.2f},       {{U"va", U"vũ"}, -2.5f}};
    const auto it = known.find({std::u32string(ocr), std::u32string(syllable)});
    return it == known.end() ? -8.0f : it->second;
  };
  // A damaged surname; a given name the channel tells apart.
  EXPECT_EQ(n.read("Huynb Anh Hưng", "Huynb Anh Hung", &channel), "Huỳnh Anh Hùng");
  // The restored word competes however far from the OCR, and the role's
  // counts outweigh a rare syllable's better channel score.
  EXPECT_EQ(n.read("Huỳnh Đức Minh", "Huynh Dire Minh", &channel), "Huỳnh Đức Minh");
  // A syllable as the OCR spells it that no name in the list folds to is
  // a rare name, kept ("Lộc" is no "Lục")...
  EXPECT_EQ(n.read("Lộc Anh Minh", "Loc Anh Minh", &channel), "Lộc Anh Minh");
  // ... unless a name we know explains the OCR better even against a rare
  // name's share: "Và" is no name, the OCR's "Va" a damaged "Vũ".
  EXPECT_EQ(n.read("Nguyễn Anh Và", "Nguyen Anh Va", &channel), "Nguyễn Anh Vũ");
}

// A woman's name and a man's take different given names: the middle name
// tells which (given.f, given.m and middle.f counts), and tilts the given
// names' shares of all names by how far each leans that way.
TEST(PersonNames, ReadsTheGivenNameAsAWomansOrAMansByTheMiddleName) {
  const PersonNames n = PersonNames::parse(
      "surname\tĐặng\t100\n"
      "middle\tThị\t1000\nmiddle\tVăn\t1000\nmiddle\tThu\t100\nmiddle\tĐức\t100\nmiddle\tAnh\t100\n"
      "given\tQuyền\t16\ngiven\tQuyên\t11\ngiven\tMinh\t100\n"
      "given.f\tQuyên\t8\ngiven.f\tMinh\t10\ngiven.m\tQuyền\t6\ngiven.m\tMinh\t40\n"
      "middle.f\tThị\t900\nmiddle.f\tVăn\t100\nmiddle.f\tThu\t90\nmiddle.f\tĐức\t10\nmiddle.f\tAnh\t50\n",
      "test.tsv");
  EXPECT_NEAR(n.femaleness("Thị"), 1.0f, 1e-6);
  EXPECT_NEAR(n.femaleness("Văn"), 0.0f, 1e-6);
  EXPECT_GT(n.femaleness("Thu"), 0.95f);
  EXPECT_NEAR(n.femaleness("Anh"), 0.5f, 0.02f);
  EXPECT_EQ(n.femaleness("Hữu"), 0.5f);  // not a middle name we know
  // The OCR's word and the syllables it may stand for; "quyen" as likely either way.
  const vn::doc::OcrLikelihood same = [](std::u32string_view ocr, std::u32string_view syllable) {
    static const std::map<std::u32string, std::vector<std::u32string>> read_for = {
        {U"dang", {U"đặng"}}, {U"thu", {U"thu"}},  {U"thi", {U"thị"}},
        {U"van", {U"văn"}},   {U"duc", {U"đức"}}, {U"quyen", {U"quyên", U"quyền"}}};
    const auto it = read_for.find(std::u32string(ocr));
    if (it == read_for.end()) return -8.0f;
    return std::find(it->second.begin(), it->second.end(), syllable) != it->second.end() ? -1.0f : -8.0f;
  };
  EXPECT_EQ(n.read("Đặng Thu Quyền", "Dang Thu Quyen", &same), "Đặng Thu Quyên");
  EXPECT_EQ(n.read("Đặng Thị Quyền", "Dang Thi Quyen", &same), "Đặng Thị Quyên");
  EXPECT_EQ(n.read("Đặng Văn Quyên", "Dang Van Quyen", &same), "Đặng Văn Quyền");
  EXPECT_EQ(n.read("Đặng Đức Quyên", "Dang Duc Quyen", &same), "Đặng Đức Quyền");
  // Without the gender counts, the shares of all names decide.
  const PersonNames plain = PersonNames::parse(
      "surname\tĐặng\t100\nmiddle\tThu\t100\ngiven\tQuyền\t16\ngiven\tQuyên\t11\n", "test.tsv");
  EXPECT_EQ(plain.femaleness("Thu"), 0.5f);
  EXPECT_EQ(plain.read("Đặng Thu Quyên", "Dang Thu Quyen", &same), "Đặng Thu Quyền");
}

// A syllable spelt with its tone on either vowel is one, written as
// restoration writes it: "Hoà" is "Hòa", and their counts add up.
TEST(PersonNames, ToneOnEitherVowelIsOneSyllable) {
  const PersonNames n = PersonNames::parse(
      "surname\tPhan\t10\nmiddle\tQuốc\t10\ngiven\tHoa\t50\ngiven\tHòa\t40\ngiven\tHoà\t20\n", "test.tsv");
  EXPECT_EQ(n.size(), 4u);
  EXPECT_EQ(n.read("Phan Quốc Hoà"), "Phan Quốc Hòa");  // 60 for Hòa against 50 for Hoa
  EXPECT_EQ(n.read("Phan Quốc Hoa"), "Phan Quốc Hoa");
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
  EXPECT_THROW(PersonNames::parse("given.f\tAn\t-1\n", "bad.tsv"), std::runtime_error);
  EXPECT_THROW(PersonNames::parse("given\tAn\n", "bad.tsv"), std::runtime_error);
  EXPECT_THROW(PersonNames::load("/nonexistent/names.tsv"), std::runtime_error);
}

TEST(PersonNames, ShippedFileLoads) {
  const auto file = std::filesystem::path(SAMPLES_DIR).parent_path() / "models" / "names.tsv";
  const PersonNames shipped = PersonNames::load(file);
  EXPECT_GT(shipped.size(), 1000u);
  EXPECT_EQ(shipped.read("Nguyễn Văn Mình"), "Nguyễn Văn Minh");
}
