// Issue 10: hostile and unlucky inputs index within 1 GiB, run by the real
// vnindex under an address-space limit (prlimit --as: what it may map,
// which bounds its peak RSS), and a hit in them is searched within a
// fraction of that. CTest label "memory"; bench/memory-bench runs the
// full sizes with restoration and prints their peak RSS.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <vector>

#include "process_util.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;
using vn::test::quote;
using vn::test::run;

namespace {

constexpr uint64_t kMiB = uint64_t{1} << 20;
constexpr uint64_t kGiB = uint64_t{1} << 30;

// What vnindex needs whatever its input (models, libraries, a thread's
// stack and arena): added to a limit scaled down with its input.
constexpr uint64_t kFixedNeed = 64 * kMiB;

// The OCR'd samples as one line (line breaks read as spaces), repeated and
// numbered ("so 17;") up to `bytes`: a whole archive folder saved without
// line breaks.
std::string one_line(size_t bytes) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(SAMPLES_DIR) / "ocr")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::string samples;
  for (const auto& f : files) samples += vn::test::read_file(f) + " ";
  std::replace(samples.begin(), samples.end(), '\n', ' ');
  std::string text;
  text.reserve(bytes + samples.size() + 16);
  for (int i = 0; text.size() < bytes; ++i) text += samples + "so " + std::to_string(i) + "; ";
  return text;
}

// One line of OCR'd text (86 bytes) repeated up to `bytes`: a scanner
// that stuck.
std::string repeated_line(size_t bytes) {
  const std::string line = "Ban Thuong vu Tinh ty da ban hanh 14 nghi quyét, 9 chi thi, 27 két luan va hung dan\n";
  std::string text;
  text.reserve(bytes + line.size());
  while (text.size() < bytes) text += line;
  return text;
}

// Indexes `text` as dir/src/big.txt into dir/db with one thread, its
// address space limited to `limit` bytes; the exit status (0: indexed).
int index_within(const vn::test::TempDir& dir, const std::string& text, uint64_t limit, bool restore) {
  vn::test::write_file(dir / "src/big.txt", text);
  return run("prlimit --as=" + std::to_string(limit) + " " + VNINDEX_PATH + " index -q --threads 1" +
             (restore ? "" : " --no-restore") + " --db " + quote((dir / "db").string()) + " " +
             quote((dir / "src").string()))
      .status;
}

// Hits of `query` in dir/db, searched with the address space limited to
// `limit` bytes; -1 when vnsearch fails.
int hits_within(const vn::test::TempDir& dir, const std::string& query, uint64_t limit) {
  const auto r = run("prlimit --as=" + std::to_string(limit) + " " + VNSEARCH_PATH + " --json --no-restore --db " +
                     quote((dir / "db").string()) + " -- " + quote(query));
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  if (r.status != 0 || !d.IsObject()) return -1;
  for (const auto& h : d["hits"].GetArray())
    if (!h.HasMember("snippet") || std::string(h["snippet"].GetString()).empty()) return -1;
  return static_cast<int>(d["hits"].Size());
}

}  // namespace

// 825 MB peak RSS before (1.31 GB restoring); a file of 100 MB without a
// line break. Now its text is worked a chunk at a time.
TEST(Memory, AHundredMegabyteLineIndexesWithinOneGigabyte) {
  vn::test::TempDir dir;
  const std::string text = one_line(100'000'000);
  const std::string last = text.substr(text.rfind("so ", text.size() - 3));  // "so N; "
  ASSERT_EQ(index_within(dir, text, kGiB, false), 0);
  EXPECT_EQ(hits_within(dir, "\"" + last.substr(0, last.size() - 2) + "\"", 256 * kMiB), 1);  // its very end
}

// 1.46 GB peak RSS before (2.45 GB restoring).
TEST(Memory, TwoHundredMegabytesOfOneRepeatedLineIndexWithinOneGigabyte) {
  vn::test::TempDir dir;
  ASSERT_EQ(index_within(dir, repeated_line(200'000'000), kGiB, false), 0);
  // A hit in it is searched without reading its 200 MB of text.
  EXPECT_EQ(hits_within(dir, "\"chi thi\"", 256 * kMiB), 1);
}

// Restoring takes about 30 s a hundred megabytes on one core: the tests
// restore an eighth of each input within an eighth of the limit (plus
// what does not grow with the input); bench/memory-bench runs the full
// sizes. Before, neither indexed within that limit (nor within 256 MiB).
TEST(Memory, RestoringAnEighthOfEachIndexesWithinAnEighthOfTheLimit) {
  for (const auto& text : {one_line(12'500'000), repeated_line(25'000'000)}) {
    vn::test::TempDir dir;
    EXPECT_EQ(index_within(dir, text, kGiB / 8 + kFixedNeed, true), 0) << text.substr(0, 40);
    EXPECT_EQ(hits_within(dir, "\"nghị quyết\"", 256 * kMiB), 1);
  }
}
