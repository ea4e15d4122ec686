// A tree holding every kind of bad input the archives hold, indexed by the
// real vnindex: each file gets its line in the --report, the good files are
// indexed, the run finishes with exit status 1, and the index verifies.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <map>
#include <thread>

#include "index/writer_lock.hpp"
#include "io/source_file.hpp"
#include "io/walker.hpp"
#include "process_util.hpp"
#include "test_util.hpp"
#include "decode/legacy_encoding.hpp"
#include "text/utf8.hpp"

namespace fs = std::filesystem;
using vn::test::quote;
using vn::test::run;

namespace {

const std::string kText = "Báo cáo tổng kết thực hiện nghị quyết của đảng bộ tỉnh về chuyển đổi số năm 2025.\n";

// `utf8` (lower case) in TCVN3, through the inverse of the converter's table.
std::string to_tcvn3(const std::string& utf8) {
  std::map<std::string, char> inverse;
  for (int b = 0x80; b < 0x100; ++b) {
    const std::string c(1, static_cast<char>(b));
    inverse.emplace(vn::decode::legacy_to_utf8(c, vn::decode::LegacyEncoding::tcvn3), static_cast<char>(b));
  }
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    const size_t start = i;
    const char32_t cp = vn::text::next_code_point(utf8, i);
    if (cp < 0x80) out.push_back(static_cast<char>(cp));
    else out.push_back(inverse.at(utf8.substr(start, i - start)));
  }
  return out;
}

std::string utf16(const std::string& ascii, bool big_endian) {
  std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (char c : ascii) out += big_endian ? std::string{'\0', c} : std::string{c, '\0'};
  return out;
}

}  // namespace

TEST(BadInput, EveryKindGetsItsLineAndTheRunGoesOn) {
  vn::test::TempDir dir;
  fs::permissions(dir.path(), fs::perms::all);  // the indexer may run as nobody (below)
  const fs::path src = dir / "archive", db = dir / "db";
  using vn::test::write_file;
  write_file(src / "good.txt", kText);
  write_file(src / "empty.txt", "");
  write_file(src / "nfd.txt", "Nghi\xCC\xA3 quye\xCC\x82\xCC\x81t\n");  // NFD "Nghị quyết"
  write_file(src / "utf16le.txt", utf16("Ke hoach so 45/KH-UBND", false));
  write_file(src / "utf16be.txt", utf16("Ke hoach so 46/KH-UBND", true));
  write_file(src / "tcvn3.txt", to_tcvn3("nghị quyết của ban chấp hành đảng bộ tỉnh lạng sơn về công tác cán bộ\n"));
  write_file(src / "long-token.txt", std::string(100000, 'x') + " " + kText);
  write_file(src / "name-\xff\xfe.txt", kText + "tên tệp không phải UTF-8\n");
  write_file(src / "binary.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0", 12));
  write_file(src / "bad-utf8.txt", "abc \xC3\x28 \xE2\x82 def \xF0\x28\x8C\xBC ghi \xC0\xAF");
  const std::string z = vn::test::zstd_compress(kText + kText, 19);
  write_file(src / "corrupt.txt.zst", z.substr(0, 4) + "garbage that is not a zstd frame");
  write_file(src / "truncated.txt.zst", z.substr(0, z.size() - 3));
  write_file(src / "bomb.txt.zst", vn::test::zstd_compress(std::string(64 << 20, 'a'), 19));
  write_file(src / "unreadable.txt", kText);
  fs::permissions(src / "unreadable.txt", fs::perms::none);
  ASSERT_EQ(::mkfifo((src / "fifo.txt").c_str(), 0644), 0);
  const bool device = ::mknod((src / "device.txt").c_str(), S_IFCHR | 0644, makedev(1, 3)) == 0;  // needs root
  fs::create_symlink("loop.txt", src / "loop.txt");
  fs::create_symlink("/etc/hostname", src / "outside.txt");
  fs::create_directory_symlink("..", src / "up");  // a directory loop
  write_file(src / "locked/inside.txt", kText);
  fs::permissions(src / "locked", fs::perms::none);
  fs::permissions(src, fs::perms::all);

  // As root, run as nobody: root reads files whatever their permissions.
  const std::string as = ::geteuid() == 0 && fs::exists("/usr/bin/setpriv")
                             ? "/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups "
                             : "";
  const std::string report = (dir / "report.json").string();
  const auto r = run(as + VNINDEX_PATH + " index -q --max-file-size 8000000 --db " + quote(db.string()) + " --report " +
                     quote(report) + " " + quote(src.string()));
  EXPECT_EQ(r.status, 1);  // finished, with file errors
  rapidjson::Document d;
  d.Parse(vn::test::read_file(report).c_str());
  ASSERT_TRUE(d.IsObject()) << "the report is valid JSON even with a non-UTF-8 file name";
  std::map<std::string, std::pair<std::string, std::string>> got;  // name -> outcome, reason
  for (const auto& o : d["outcomes"].GetArray())
    got[fs::path(o["path"].GetString()).filename().string()] = {
        o["outcome"].GetString(), o.HasMember("reason") ? o["reason"].GetString() : ""};

  auto expect = [&](const std::string& name, const std::string& outcome, const std::string& reason = "") {
    ASSERT_TRUE(got.count(name)) << name << " has no line in the report";
    EXPECT_EQ(got[name].first, outcome) << name << ": " << got[name].second;
    EXPECT_NE(got[name].second.find(reason), std::string::npos) << name << ": " << got[name].second;
  };
  for (const char* ok : {"good.txt", "empty.txt", "nfd.txt", "utf16le.txt", "utf16be.txt", "tcvn3.txt", "long-token.txt"})
    expect(ok, "added");
  expect("name-\\xFF\\xFE.txt", "added");
  expect("binary.txt", "failed", "binary data (NUL byte at offset 7)");
  expect("bad-utf8.txt", "failed", "invalid UTF-8 at byte offset 4 and not a recognised legacy Vietnamese encoding");
  expect("corrupt.txt.zst", "failed", "corrupt zstd data");
  expect("truncated.txt.zst", "failed", "truncated zstd data");
  expect("bomb.txt.zst", "failed", "decompresses to more than --max-file-size (8000000 bytes)");
  if (!as.empty() || ::geteuid() != 0) {
    expect("unreadable.txt", "failed", "cannot open: Permission denied");
    expect("locked", "failed", "cannot list directory: Permission denied");
  }
  expect("fifo.txt", "skipped", "FIFO");
  if (device) expect("device.txt", "skipped", "character device");
  expect("loop.txt", "skipped", "broken symbolic link");
  expect("outside.txt", "skipped", "symbolic link out of the tree (to /etc/hostname)");

  // The good ones are searchable, whatever their encoding was.
  auto hits = [&](const std::string& q) {
    const auto s = run(std::string(VNSEARCH_PATH) + " --json --no-restore --db " + quote(db.string()) + " -- " + quote(q));
    rapidjson::Document j;
    j.Parse(s.out.c_str());
    EXPECT_TRUE(j.IsObject()) << s.out;
    return j.IsObject() ? j["hits"].Size() : 0u;
  };
  EXPECT_EQ(hits("\"nghị quyết\""), 5u);  // good, nfd, tcvn3, long-token and the non-UTF-8 name
  EXPECT_EQ(hits("45/KH-UBND"), 1u);
  EXPECT_EQ(hits("46/KH-UBND"), 1u);
  EXPECT_EQ(hits("\"đảng bộ tỉnh lạng sơn\""), 1u);
  EXPECT_EQ(run(std::string(VNINDEX_PATH) + " verify --db " + quote(db.string())).status, 0);
}

// Issue 10: one NUL byte, or a short legacy passage inside a UTF-8 file,
// rejected the whole document. What is readable is indexed now, the rest
// reported by byte range (on standard error and in the report); a file
// that is mostly not text is still rejected.
TEST(BadInput, DamagedTextIsIndexedAndTheDamageReported) {
  vn::test::TempDir dir;
  const std::string passage = "nghị quyết của ban chấp hành đảng bộ tỉnh lạng sơn về công tác cán bộ";
  vn::test::write_file(dir / "src/nul.txt", kText.substr(0, 3) + std::string(1, '\0') + kText.substr(3));
  vn::test::write_file(dir / "src/passage.txt", kText + to_tcvn3(passage) + "\n" + kText);
  std::string garbage;
  for (int i = 0; i < 400; ++i) garbage += static_cast<char>(i % 3 ? 0x80 + (i * 37) % 128 : 'a' + i % 26);
  vn::test::write_file(dir / "src/garbage.txt", garbage);
  const std::string db = quote((dir / "db").string()), report = (dir / "run.json").string();
  const auto r = run("sh -c " + quote(std::string(VNINDEX_PATH) + " index -q --no-restore --db " + db + " --report " +
                                      quote(report) + " " + quote((dir / "src").string()) + " 2>&1"));
  EXPECT_EQ(r.status, 1);  // garbage.txt failed
  EXPECT_NE(r.out.find((dir / "src/nul.txt").string() + ": indexed with damage: NUL at byte 3\n"), std::string::npos)
      << r.out;
  const std::string legacy = "passage.txt: indexed with damage: tcvn3 passage at bytes " + std::to_string(kText.size()) +
                             "-" + std::to_string(kText.size() + to_tcvn3(passage).size() - 1) + " (converted)\n";
  EXPECT_NE(r.out.find(legacy), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("garbage.txt: invalid UTF-8 at byte offset 1 and not a recognised legacy"), std::string::npos)
      << r.out;

  rapidjson::Document d;
  d.Parse(vn::test::read_file(report).c_str());
  ASSERT_TRUE(d.IsObject());
  EXPECT_EQ(d["added"].GetUint64(), 2u);
  EXPECT_EQ(d["damaged"].GetUint64(), 2u);
  for (const auto& o : d["outcomes"].GetArray()) {
    if (std::string(o["path"].GetString()).ends_with("nul.txt")) {
      EXPECT_STREQ(o["damage"].GetString(), "NUL at byte 3");
    }
  }

  auto hits = [&](const std::string& q) {
    const auto s = run(std::string(VNSEARCH_PATH) + " --json --no-restore --db " + db + " -- " + quote(q));
    rapidjson::Document j;
    j.Parse(s.out.c_str());
    return j.IsObject() ? j["hits"].Size() : 0u;
  };
  EXPECT_EQ(hits("\"công tác cán bộ\""), 1u);   // the converted passage
  EXPECT_EQ(hits("\"chuyển đổi số\""), 2u);     // the text around the damage, in both
  EXPECT_EQ(run(std::string(VNINDEX_PATH) + " verify --db " + db).status, 0);
}

TEST(BadInput, FilesThatVanishOrChangeWhileRead) {
  vn::test::TempDir dir;
  vn::test::write_file(dir / "a.txt", kText);
  const auto walk = vn::io::walk_inputs({dir.path().string()});
  ASSERT_EQ(walk.entries.size(), 1u);
  fs::remove(dir / "a.txt");
  EXPECT_EQ(vn::io::read_source(walk.entries[0], 1 << 20).error, "vanished before it could be read");
  fs::create_directory(dir / "a.txt");  // ... and something else came in its place
  EXPECT_EQ(vn::io::read_source(walk.entries[0], 1 << 20).error, "no longer a regular file");
  fs::remove(dir / "a.txt");
  ASSERT_EQ(::mkfifo((dir / "a.txt").c_str(), 0644), 0);  // a FIFO must not hang the read
  EXPECT_EQ(vn::io::read_source(walk.entries[0], 1 << 20).error, "no longer a regular file");
}

TEST(BadInput, HugeSingleLineFile) {
  vn::test::TempDir dir;
  std::string line, last;
  while (line.size() < (32u << 20)) {
    last = std::to_string(line.size());
    line += "Nghị quyết số 18-NQ/TW về tinh gọn bộ máy, " + last + "; ";
  }
  vn::test::write_file(dir / "src/one-line.txt", line);
  const auto r = run(std::string(VNINDEX_PATH) + " index -q --no-restore --db " + quote((dir / "db").string()) + " " +
                     quote((dir / "src").string()));
  EXPECT_EQ(r.status, 0);
  const auto s = run(std::string(VNSEARCH_PATH) + " --json --no-restore --db " + quote((dir / "db").string()) + " -- " +
                     quote("\"tinh gọn bộ máy, " + last + "\""));  // the end of the line is indexed too
  EXPECT_NE(s.out.find("one-line.txt"), std::string::npos) << s.out.substr(0, 300);
}

// Issue 10: an index the user may not read was reported as "no index at".
TEST(BadInput, AnIndexThatCannotBeReadIsNotCalledMissing) {
  vn::test::TempDir dir;
  fs::permissions(dir.path(), fs::perms::all);  // searched as nobody (below)
  vn::test::write_file(dir / "src/a.txt", kText);
  const std::string db = (dir / "db").string();
  ASSERT_EQ(run(std::string(VNINDEX_PATH) + " index -q --no-restore --db " + quote(db) + " " + quote((dir / "src").string())).status, 0);
  fs::permissions(dir / "db", fs::perms::owner_all);
  const bool root = ::geteuid() == 0;
  if (root && !fs::exists("/usr/bin/setpriv")) GTEST_SKIP() << "root reads anything, and setpriv is missing";
  const std::string as = root ? "/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  if (!root) fs::permissions(dir / "db", fs::perms::none);
  const auto r = run("sh -c " + quote(as + VNSEARCH_PATH + " --db " + quote(db) + " dang 2>&1"));
  if (!root) fs::permissions(dir / "db", fs::perms::owner_all);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("cannot open the index at " + db + ": Permission denied"), std::string::npos) << r.out;
}

// Issue 10: a file name is no way into the user's terminal. Names with
// escape sequences, carriage returns and newlines are printed escaped by
// vnindex (failed files) and by vnsearch (hits and --doc).
TEST(BadInput, FileNamesCannotWriteControlSequencesToTheTerminal) {
  vn::test::TempDir dir;
  const std::string evil = "x\x1b]0;owned\x07\r\x1b[2K\nfake.txt";
  vn::test::write_file(dir / "src" / evil, kText);
  vn::test::write_file(dir / "src" / ("bin" + evil), std::string("\0\1\2", 3));
  const std::string db = quote((dir / "db").string());
  const auto i = run("sh -c " + quote(std::string(VNINDEX_PATH) + " index --no-restore --db " + db + " " +
                                      quote((dir / "src").string()) + " 2>&1"));
  EXPECT_EQ(i.status, 1);  // the binary file failed
  EXPECT_NE(i.out.find("\\x1B]0;owned\\x07\\x0D\\x1B[2K\\x0Afake.txt"), std::string::npos) << i.out;
  const auto s = run(std::string(VNSEARCH_PATH) + " --no-restore --db " + db + " " + quote("chuyển đổi số"));
  EXPECT_NE(s.out.find("\\x1B]0;owned"), std::string::npos) << s.out;
  const auto d = run(std::string(VNSEARCH_PATH) + " --db " + db + " --doc " + quote((dir / "src" / evil).string()));
  EXPECT_NE(d.out.find("fake.txt"), std::string::npos) << d.out;
  for (const auto* out : {&i.out, &s.out, &d.out}) {
    EXPECT_EQ(out->find('\x1b'), std::string::npos) << *out;
    EXPECT_EQ(out->find('\r'), std::string::npos) << *out;
    EXPECT_EQ(out->find('\x07'), std::string::npos) << *out;
  }
}

// Issue 10: memory grew by about 150 bytes per line (one metadata Line
// object each), so 20 MB of newlines took 3.2 GB. Now 4 bytes per line:
// the run fits in 1 GiB of address space.
TEST(BadInput, MillionsOfEmptyLinesStayWithinOneGigabyte) {
  vn::test::TempDir dir;
  vn::test::write_file(dir / "src/newlines.txt", std::string(20u << 20, '\n'));
  const auto r = run("prlimit --as=1073741824 " + std::string(VNINDEX_PATH) + " index -q --no-restore --threads 1 --db " +
                     quote((dir / "db").string()) + " " + quote((dir / "src").string()));
  EXPECT_EQ(r.status, 0);
}

// Issue 10: compact on a full disk left its partial copy behind. A file
// size limit (SIGXFSZ ignored, so writes fail with EFBIG) stands in for it.
TEST(BadInput, CompactionThatCannotWriteLeavesNoPartialCopy) {
  vn::test::TempDir dir;
  for (int i = 0; i < 200; ++i) {  // 60k distinct numbers: a compacted postlist far over the limit
    std::string text = kText;
    for (int j = 0; j < 300; ++j) text += " " + std::to_string(i * 1000 + j);
    vn::test::write_file(dir / "src" / ("d" + std::to_string(i) + ".txt"), text);
  }
  const std::string db = (dir / "db").string();
  ASSERT_EQ(run(std::string(VNINDEX_PATH) + " index -q --no-restore --db " + quote(db) + " " + quote((dir / "src").string())).status, 0);
  const auto r = run("sh -c " + quote("trap '' XFSZ; exec prlimit --fsize=65536 " + std::string(VNINDEX_PATH) +
                                      " compact --db " + quote(db)));
  EXPECT_EQ(r.status, 2);
  EXPECT_FALSE(fs::exists(dir / "db" / "xapian.compact"));
  EXPECT_EQ(run(std::string(VNINDEX_PATH) + " verify --db " + quote(db)).status, 0);
}

// Issue 10: a --report path that cannot be written failed the run only
// after the index had changed (exit 2, though the README promises an
// untouched index on exit 2). It is checked first now.
TEST(BadInput, UnwritableReportPathFailsBeforeIndexing) {
  vn::test::TempDir dir;
  vn::test::write_file(dir / "src/a.txt", kText);
  const std::string db = (dir / "db").string();
  const auto r = run("sh -c " + quote(std::string(VNINDEX_PATH) + " index -q --no-restore --db " + quote(db) +
                                      " --report " + quote((dir / "no/such/dir/run.json").string()) + " " +
                                      quote((dir / "src").string()) + " 2>&1"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("cannot write report"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("nothing was indexed"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(dir / "db"));
}

TEST(BadInput, SecondWriterExitsWithStatusTwoAndSaysWhy) {
  vn::test::TempDir dir;
  vn::test::write_file(dir / "src/a.txt", kText);
  const vn::index::WriterLock held(dir / "db");
  const auto r = run("sh -c " + quote(std::string(VNINDEX_PATH) + " index -q --db " + quote((dir / "db").string()) + " " +
                                      quote((dir / "src").string()) + " 2>&1"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("is being written by another process (pid " + std::to_string(::getpid()) + ")"), std::string::npos)
      << r.out;
}

// A file rewritten while it is read: the read either returns one whole
// version or fails saying so; never a mix of two versions.
TEST(BadInput, NoTornReadOfAFileChangingMeanwhile) {
  vn::test::TempDir dir;
  const fs::path file = dir / "growing.txt";
  vn::test::write_file(file, std::string(32 << 20, 'a'));
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    for (char c = 'b'; !stop; c = c == 'z' ? 'b' : static_cast<char>(c + 1)) {
      std::ofstream out(file, std::ios::binary | std::ios::in);  // overwrite in place
      out << std::string(1 << 20, c);
    }
  });
  int torn = 0, reported = 0;
  for (int i = 0; i < 20; ++i) {
    const vn::io::SourceBytes r = vn::io::read_source({file.string(), 32u << 20, 0}, 64u << 20);
    if (!r.ok) {
      EXPECT_EQ(r.error, "changed while being read (it is read again on the next run)");
      ++reported;
    } else {
      // One version: the first MiB is one letter, the rest 'a'.
      torn += r.bytes.find_first_not_of(r.bytes[0]) < (1u << 20) ||
              r.bytes.find_first_not_of('a', 1u << 20) != std::string::npos;
    }
  }
  stop = true;
  writer.join();
  EXPECT_EQ(torn, 0);
  std::printf("reads that saw the file change: %d of 20\n", reported);
}
