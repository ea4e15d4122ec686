// vnindex extract: the metadata and citations indexing would store, printed
// for files without an index.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <sstream>
#include <string>
#include <vector>

#include "process_util.hpp"
#include "test_util.hpp"

namespace {

using vn::test::CommandResult;
using vn::test::quote;
using vn::test::run;

std::string sample(const std::string& dir, const std::string& name) {
  return (vn::test::samples_dir() / dir / name).string();
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

std::string str(const rapidjson::Value& v, const char* key) {
  return v.HasMember(key) && v[key].IsString() ? v[key].GetString() : "<missing>";
}

TEST(Extract, JsonLinesOnCleanSamples) {
  const CommandResult r = run(std::string(VNINDEX_PATH) + " extract --json --no-restore " +
                              quote(sample("clean", "01-bao-cao-kiem-diem.txt")) + " " +
                              quote(sample("clean", "03-cong-van-chuyen-doi-so.txt")));
  ASSERT_EQ(r.status, 0);
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;

  rapidjson::Document d;
  d.Parse(lines[0].c_str());
  ASSERT_TRUE(d.IsObject()) << lines[0];
  EXPECT_EQ(str(d, "file"), sample("clean", "01-bao-cao-kiem-diem.txt"));
  const auto& m = d["metadata"];
  EXPECT_EQ(str(m, "type"), "BÁO CÁO");
  EXPECT_EQ(str(m, "number"), "215");
  EXPECT_EQ(str(m, "code"), "215-BC/TU");
  EXPECT_EQ(str(m, "place"), "Cao Bằng");
  EXPECT_EQ(str(m, "date"), "2025-06-12");
  EXPECT_EQ(str(m, "issuer"), "ĐẢNG BỘ TỈNH CAO BẰNG TỈNH ỦY");
  EXPECT_EQ(str(m, "signer"), "Nông Văn Khải");
  EXPECT_EQ(str(m, "signer_position"), "BÍ THƯ");
  EXPECT_EQ(str(m, "draft"), "");
  ASSERT_TRUE(m["recipients"].IsArray());
  EXPECT_EQ(m["recipients"].Size(), 5u);
  ASSERT_TRUE(d["citations"].IsArray());
  std::vector<std::string> keys;
  for (const auto& c : d["citations"].GetArray()) keys.push_back(str(c, "key"));
  EXPECT_EQ(keys, (std::vector<std::string>{"CT 45-CT/TW", "NQ 18-NQ/TW"}));

  d.Parse(lines[1].c_str());
  ASSERT_TRUE(d.IsObject()) << lines[1];
  EXPECT_EQ(str(d["metadata"], "type"), "CÔNG VĂN");
  EXPECT_EQ(str(d["metadata"], "code"), "2318/UBND-KGVX");
}

// Restored first, as indexing does: the OCR'd sample reads with diacritics.
TEST(Extract, RestoresOcrTextFirst) {
  const std::string file = sample("ocr", "06-quyet-dinh-tinh-gian-bien-che.txt");
  const CommandResult raw = run(std::string(VNINDEX_PATH) + " extract --json --no-restore " + quote(file));
  const CommandResult restored = run(std::string(VNINDEX_PATH) + " extract --json --threads 1 " + quote(file));
  ASSERT_EQ(raw.status, 0);
  ASSERT_EQ(restored.status, 0);
  rapidjson::Document a, b;
  a.Parse(raw.out.c_str());
  b.Parse(restored.out.c_str());
  ASSERT_TRUE(a.IsObject() && b.IsObject()) << raw.out << restored.out;
  EXPECT_EQ(str(b["metadata"], "type"), "QUYẾT ĐỊNH");
  EXPECT_EQ(str(b["metadata"], "code"), "1534/QĐ-UBND");
  EXPECT_EQ(str(b["metadata"], "date"), "2025-08-20");
  EXPECT_EQ(str(b["metadata"], "place"), "Lạng Sơn");
  EXPECT_EQ(str(a["metadata"], "code"), "1534/QĐ-UBND");  // code parts and the place are mended either way
}

TEST(Extract, TextOutputAndUnreadableFiles) {
  const CommandResult r = run(std::string(VNINDEX_PATH) + " extract --no-restore " +
                              quote(sample("clean", "05-ket-luan-ban-thuong-vu.txt")));
  ASSERT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("code:            86-KL/TU"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("BC 215-BC/TU"), std::string::npos) << r.out;

  vn::test::TempDir dir;
  const CommandResult bad = run(std::string(VNINDEX_PATH) + " extract --json --no-restore " +
                                quote((dir / "missing.txt").string()) + " " +
                                quote(sample("clean", "05-ket-luan-ban-thuong-vu.txt")));
  EXPECT_EQ(bad.status, 1);
  const auto lines = lines_of(bad.out);
  ASSERT_EQ(lines.size(), 2u) << bad.out;
  rapidjson::Document d;
  d.Parse(lines[0].c_str());
  ASSERT_TRUE(d.IsObject() && d.HasMember("error")) << lines[0];
  d.Parse(lines[1].c_str());
  ASSERT_TRUE(d.IsObject() && d.HasMember("metadata")) << lines[1];
}

}  // namespace

// Issue 14: places are read through the shipped gazetteer, as indexing
// reads them: a damaged place comes out as the unit it names.
TEST(Extract, DamagedPlaceReadThroughTheGazetteer) {
  vn::test::TempDir dir;
  const auto file = dir / "bc.txt";
  vn::test::write_file(file, "UY BAN NHAN DAN TINH LAM DONG\nSo: 12/BC-UBND\nLam Pong, ngay 06 thang 8 nam 2025\n"
                             "BAO CAO\nKet qua thuc hien nhiem vu\n");
  const CommandResult r = run(std::string(VNINDEX_PATH) + " extract --json --no-restore " + quote(file.string()));
  ASSERT_EQ(r.status, 0) << r.out;
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  ASSERT_TRUE(d.IsObject()) << r.out;
  EXPECT_EQ(str(d["metadata"], "place"), "Lâm Đồng");
  EXPECT_EQ(str(d["metadata"], "date"), "2025-08-06");
}
