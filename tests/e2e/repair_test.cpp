// Issue 10: damaged sidecars, as the user meets them. vnindex verify names
// the damaged documents' paths and says how to repair them; the next plain
// vnindex index repairs them (before, it called them unchanged and left
// them broken; with the dictionary deleted, even --force exited 2).
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <filesystem>

#include "process_util.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;
using vn::test::quote;
using vn::test::run;
using vn::test::vnindex;

namespace {

// `n` files of about 2 KB, alike enough for a sidecar dictionary to pay off.
void write_archive(const fs::path& src, int n) {
  std::string body;
  for (int k = 0; k < 12; ++k)
    body += "Kế hoạch triển khai chuyển đổi số của Ủy ban nhân dân tỉnh Lạng Sơn, giai đoạn " + std::to_string(k) + ".\n";
  for (int i = 0; i < n; ++i)
    vn::test::write_file(src / ("k" + std::to_string(100 + i) + ".txt"), "Số " + std::to_string(i) + "/KH-UBND\n" + body);
}

fs::path only_file(const fs::path& dir, const std::string& extension) {
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == extension) return e.path();
  return {};
}

}  // namespace

TEST(DamagedSidecar, VerifyNamesTheDamageAndAPlainRunRepairsIt) {
  vn::test::TempDir dir;
  write_archive(dir / "src", 100);
  const std::string db = quote((dir / "db").string()), src = quote((dir / "src").string());
  ASSERT_EQ(vnindex("index -q --no-restore --db " + db + " " + src).status, 0);
  const fs::path vsc = only_file(dir / "db/sidecar", ".vsc");
  fs::resize_file(vsc, fs::file_size(vsc) * 3 / 4);  // the last quarter of the records or so

  const auto v = vnindex("verify --db " + db);
  EXPECT_EQ(v.status, 1);
  EXPECT_NE(v.out.find("(" + (dir / "src/k199.txt").string() + "): sidecar record unreadable"), std::string::npos) << v.out;
  EXPECT_NE(v.out.find("to repair: run vnindex index again over the same inputs to repair "), std::string::npos) << v.out;

  const std::string report = (dir / "run.json").string();
  const auto i = vnindex("index -q --no-restore --db " + db + " --report " + quote(report) + " " + src);
  EXPECT_EQ(i.status, 0) << i.out;
  rapidjson::Document d;
  d.Parse(vn::test::read_file(report).c_str());
  ASSERT_TRUE(d.IsObject());
  EXPECT_GT(d["repaired"].GetUint64(), 10u);
  EXPECT_EQ(d["repaired"].GetUint64() + d["unchanged"].GetUint64(), 100u);
  bool named = false;
  for (const auto& o : d["outcomes"].GetArray())
    named |= std::string(o["outcome"].GetString()) == "repaired" &&
             std::string(o["reason"].GetString()).find("shorter than the index expects") != std::string::npos;
  EXPECT_TRUE(named) << "a repaired file's line names the damage";
  EXPECT_EQ(vnindex("verify --db " + db).status, 0);
  const auto s = run(std::string(VNSEARCH_PATH) + " --no-restore --db " + db + " 99/KH-UBND");
  EXPECT_NE(s.out.find("k199.txt"), std::string::npos) << s.out;
}

TEST(DamagedSidecar, ADeletedDictionaryNoLongerStopsTheRun) {
  vn::test::TempDir dir;
  write_archive(dir / "src", 100);
  const std::string db = quote((dir / "db").string()), src = quote((dir / "src").string());
  ASSERT_EQ(vnindex("index -q --no-restore --db " + db + " " + src).status, 0);
  const fs::path dict = only_file(dir / "db/sidecar", ".zdict");
  ASSERT_FALSE(dict.empty()) << "the test needs a dictionary";
  fs::remove(dict);
  EXPECT_EQ(vnindex("verify --db " + db).status, 1);
  const auto forced = vnindex("index --force --no-restore --db " + db + " " + src);
  EXPECT_EQ(forced.status, 0) << forced.out;  // was 2: "sidecar dictionary dict-N.zdict is missing"
  EXPECT_NE(forced.out.find("sidecar dictionary " + dict.filename().string() + " is missing: "), std::string::npos)
      << forced.out;
  EXPECT_EQ(vnindex("verify --db " + db).status, 0);
}
