// Nightly reruns: only what changed is written; moves reuse records; prune
// removes what is gone; one writer at a time.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <map>

#include "index/index_test_util.hpp"
#include "index/pipeline.hpp"
#include "index/writer_lock.hpp"
#include "store/schema.hpp"
#include "test_util.hpp"

using namespace vn;
namespace fs = std::filesystem;

namespace {

// file name -> outcome name
std::map<std::string, std::string> outcomes(const test::TreeStats& s) {
  std::map<std::string, std::string> m;
  for (const auto& f : s.outcomes) m[fs::path(f.path).filename().string()] = index::outcome_name(f.outcome);
  return m;
}

size_t sidecar_files(const fs::path& db) {
  return static_cast<size_t>(std::count_if(fs::directory_iterator(store::schema::sidecar_dir(db)), fs::directory_iterator(),
                                           [](const auto& e) { return e.path().extension() == ".vsc"; }));
}

std::vector<std::string> indexed_paths(const fs::path& db) {
  Xapian::Database x(store::schema::xapian_dir(db).string());
  std::vector<std::string> names;
  for (auto t = x.allterms_begin("Q"); t != x.allterms_end("Q"); ++t) names.push_back(fs::path((*t).substr(1)).filename());
  return names;
}

void write_corpus(const fs::path& src) {
  test::write_file(src / "a.txt", "Báo cáo tình hình kinh tế xã hội tỉnh Lạng Sơn");
  test::write_file(src / "b.txt", "Nghi quyet Dai hoi Dang bo tinh lan thu XIX");
  test::write_file(src / "sub/c.txt", "Kế hoạch chuyển đổi số năm 2025");
}

}  // namespace

TEST(Incremental, UnchangedTreeIsReadButNothingIsWritten) {
  test::TempDir src, db;
  write_corpus(src.path());
  const auto first = test::index_tree(db.path(), src.path());
  EXPECT_EQ(first.documents, 3u);
  const Xapian::rev revision = Xapian::Database(store::schema::xapian_dir(db.path()).string()).get_revision();
  const size_t files = sidecar_files(db.path());

  const auto second = test::index_tree(db.path(), src.path());
  EXPECT_EQ(second.documents, 0u);
  EXPECT_EQ(second.count(index::Outcome::kUnchanged), 3u);
  EXPECT_GT(second.bytes, 0u);  // read and hashed
  EXPECT_EQ(Xapian::Database(store::schema::xapian_dir(db.path()).string()).get_revision(), revision);
  EXPECT_EQ(sidecar_files(db.path()), files);  // no new sidecar file either
}

TEST(Incremental, AddChangeDeleteAndMove) {
  test::TempDir src, db;
  write_corpus(src.path());
  test::index_tree(db.path(), src.path());
  test::write_file(src / "a.txt", "Báo cáo tình hình kinh tế xã hội tỉnh Cao Bằng");  // changed
  test::write_file(src / "d.txt", "Thông báo kết luận");                               // new
  fs::rename(src / "b.txt", src / "sub/b-moved.txt");                                  // moved
  fs::remove(src / "sub/c.txt");                                                        // deleted

  const auto without_prune = test::index_tree(db.path(), src.path());
  EXPECT_EQ(outcomes(without_prune), (std::map<std::string, std::string>{
                                         {"a.txt", "replaced"}, {"d.txt", "added"}, {"b-moved.txt", "copied"}}));
  EXPECT_EQ(indexed_paths(db.path()).size(), 5u);  // the gone files stay until --prune

  const auto pruned = test::index_tree(db.path(), src.path(), {.prune = true});
  EXPECT_EQ(outcomes(pruned), (std::map<std::string, std::string>{{"a.txt", "unchanged"},
                                                                   {"d.txt", "unchanged"},
                                                                   {"b-moved.txt", "unchanged"},
                                                                   {"b.txt", "removed"},
                                                                   {"c.txt", "removed"}}));
  auto names = indexed_paths(db.path());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"a.txt", "b-moved.txt", "d.txt"}));
}

TEST(Incremental, PruneLeavesOtherTreesAlone) {
  test::TempDir one, two, db;
  test::write_file(one / "x.txt", "tài liệu một");
  test::write_file(two / "y.txt", "tài liệu hai");
  test::index_tree(db.path(), one.path());
  test::index_tree(db.path(), two.path(), {.prune = true});  // x.txt is not under this run's inputs
  EXPECT_EQ(indexed_paths(db.path()).size(), 2u);
}

// Issue 10: a file replaced by a symbolic link is gone from the tree (the
// walk skips links), so --prune removes it rather than keep it forever.
TEST(Incremental, PruneRemovesAFileNowASymbolicLink) {
  test::TempDir src, outside, db;
  write_corpus(src.path());
  test::write_file(outside / "passwd.txt", "root:x:0:0");
  test::index_tree(db.path(), src.path());
  fs::remove(src / "a.txt");
  fs::create_symlink(outside / "passwd.txt", src / "a.txt");
  const auto s = test::index_tree(db.path(), src.path(), {.prune = true});
  EXPECT_EQ(outcomes(s)["a.txt"], "removed");
  EXPECT_EQ(indexed_paths(db.path()).size(), 2u);
}

TEST(Incremental, FailedRerunKeepsWhatWasIndexed) {
  test::TempDir src, db;
  test::write_file(src / "a.txt", "phiên bản tốt");
  test::index_tree(db.path(), src.path());
  test::write_file(src / "a.txt", std::string("\x00\x01binary", 8));
  const auto s = test::index_tree(db.path(), src.path(), {.prune = true});
  EXPECT_EQ(outcomes(s).at("a.txt"), "failed");
  EXPECT_EQ(indexed_paths(db.path()).size(), 1u);
}

TEST(Incremental, SecondWriterFailsAtOnceWithAClearMessage) {
  test::TempDir src, db;
  write_corpus(src.path());
  index::WriterLock first(db.path());
  try {
    test::index_tree(db.path(), src.path());
    FAIL() << "a second writer must not run";
  } catch (const index::IndexBusy& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find(db.path().string()), std::string::npos) << msg;
    EXPECT_NE(msg.find("another process"), std::string::npos) << msg;
  }
}

// Issue 10: the busy message could lack the pid, when the holder had
// taken the lock but not yet written its pid (or had truncated the file).
TEST(Incremental, BusyMessageWaitsForTheHoldersPid) {
  test::TempDir db;
  fs::create_directories(db.path());
  const int fd = ::open(store::schema::lock_file(db.path()).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);  // held, no pid written yet
  std::thread holder([fd] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    (void)!::pwrite(fd, "4242\n", 5, 0);
  });
  try {
    index::WriterLock second(db.path());
    ADD_FAILURE() << "a second writer must not run";
  } catch (const index::IndexBusy& e) {
    EXPECT_NE(std::string(e.what()).find("(pid 4242)"), std::string::npos) << e.what();
  }
  holder.join();
  ::close(fd);
}

TEST(Incremental, ForceIndexesEverythingAgain) {
  test::TempDir src, db;
  write_corpus(src.path());
  test::write_file(src / "copy-of-a.txt", test::read_file(src / "a.txt"));
  test::index_tree(db.path(), src.path());
  const auto forced = test::index_tree(db.path(), src.path(), {.force = true});
  EXPECT_EQ(forced.documents, 4u);
  EXPECT_EQ(outcomes(forced), (std::map<std::string, std::string>{
                                  {"a.txt", "replaced"}, {"b.txt", "replaced"}, {"c.txt", "replaced"},
                                  {"copy-of-a.txt", "replaced"}}));  // nothing reused
  EXPECT_EQ(indexed_paths(db.path()).size(), 4u);
}
