#include "io/atomic_file.hpp"

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <csignal>
#include <set>
#include <string>
#include <system_error>

#include "test_util.hpp"

using namespace vn::io;
namespace fs = std::filesystem;

namespace {

std::set<std::string> names_in(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

// Calls f() and returns the message of the std::system_error it throws.
template <typename F>
std::string system_error_of(F&& f) {
  try {
    f();
  } catch (const std::system_error& e) {
    return e.what();
  }
  ADD_FAILURE() << "no std::system_error";
  return "";
}

// Files written while it lives fail beyond `bytes` (EFBIG, even as root).
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    ::getrlimit(RLIMIT_FSIZE, &old_);
    old_handler_ = std::signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{bytes, old_.rlim_max};
    ::setrlimit(RLIMIT_FSIZE, &limit);
  }
  ~FileSizeLimit() {
    ::setrlimit(RLIMIT_FSIZE, &old_);
    std::signal(SIGXFSZ, old_handler_);
  }

 private:
  rlimit old_{};
  void (*old_handler_)(int) = nullptr;
};

}  // namespace

TEST(AtomicFile, WritesTheFile) {
  vn::test::TempDir dir;
  write_file_atomically(dir / "a.tsv", "x\t1\n");
  EXPECT_EQ(vn::test::read_file(dir / "a.tsv"), "x\t1\n");
  write_file_atomically(dir / "empty", "");
  EXPECT_TRUE(fs::is_regular_file(dir / "empty"));
  EXPECT_EQ(fs::file_size(dir / "empty"), 0u);
  EXPECT_EQ(names_in(dir.path()), (std::set<std::string>{"a.tsv", "empty"}));
}

TEST(AtomicFile, ReplacesAnExistingFile) {
  vn::test::TempDir dir;
  vn::test::write_file(dir / "a.tsv", std::string(10000, 'o'));
  write_file_atomically(dir / "a.tsv", "new");
  EXPECT_EQ(vn::test::read_file(dir / "a.tsv"), "new");
  EXPECT_EQ(names_in(dir.path()), std::set<std::string>{"a.tsv"});
}

TEST(AtomicFile, FailureNamesTheFileAndLeavesNoTemporaryFile) {
  vn::test::TempDir dir;
  // The parent is a regular file: nothing can be created.
  vn::test::write_file(dir / "plain", "plain");
  const std::string what = system_error_of([&] { write_file_atomically(dir / "plain" / "a.tsv", "x"); });
  EXPECT_NE(what.find("cannot create"), std::string::npos) << what;
  EXPECT_NE(what.find((dir / "plain" / "a.tsv").string()), std::string::npos) << what;
  EXPECT_EQ(names_in(dir.path()), std::set<std::string>{"plain"});

  // The write fails halfway: the old file stays whole.
  vn::test::write_file(dir / "a.tsv", "old");
  {
    const FileSizeLimit limit(4096);
    const std::string failed = system_error_of([&] { write_file_atomically(dir / "a.tsv", std::string(10000, 'n')); });
    EXPECT_NE(failed.find("cannot write"), std::string::npos) << failed;
    EXPECT_NE(failed.find("a.tsv"), std::string::npos) << failed;
  }
  EXPECT_EQ(vn::test::read_file(dir / "a.tsv"), "old");
  EXPECT_EQ(names_in(dir.path()), (std::set<std::string>{"a.tsv", "plain"}));

  // The rename fails (a directory is in the way): it stays as it was.
  vn::test::write_file(dir / "d" / "inside", "inside");
  const std::string renamed = system_error_of([&] { write_file_atomically(dir / "d", "x"); });
  EXPECT_NE(renamed.find("cannot rename"), std::string::npos) << renamed;
  EXPECT_EQ(vn::test::read_file(dir / "d" / "inside"), "inside");
  EXPECT_EQ(names_in(dir.path()), (std::set<std::string>{"a.tsv", "d", "plain"}));
}

TEST(AtomicFile, ReplacesADirectoryWhole) {
  vn::test::TempDir dir;
  vn::test::write_file(dir / "models" / "lm.bin", "old");
  vn::test::write_file(dir / "models" / "gone.tsv", "old");
  vn::test::write_file(dir / "staging" / "lm.bin", "new");
  replace_directory(dir / "models", dir / "staging", dir / "aside");
  EXPECT_EQ(vn::test::read_file(dir / "models" / "lm.bin"), "new");
  EXPECT_EQ(names_in(dir / "models"), std::set<std::string>{"lm.bin"});
  EXPECT_EQ(names_in(dir.path()), std::set<std::string>{"models"});
}

TEST(AtomicFile, RecoversAnInterruptedReplace) {
  vn::test::TempDir dir;
  // Crashed between the fallback's two renames: the old directory is put back.
  vn::test::write_file(dir / "aside" / "lm.bin", "old");
  recover_directory(dir / "models", dir / "aside");
  EXPECT_EQ(vn::test::read_file(dir / "models" / "lm.bin"), "old");
  EXPECT_EQ(names_in(dir.path()), std::set<std::string>{"models"});
  // Crashed after them: the old directory is removed.
  vn::test::write_file(dir / "aside" / "lm.bin", "older");
  recover_directory(dir / "models", dir / "aside");
  EXPECT_EQ(vn::test::read_file(dir / "models" / "lm.bin"), "old");
  EXPECT_EQ(names_in(dir.path()), std::set<std::string>{"models"});
  // Nothing to recover.
  recover_directory(dir / "none", dir / "none-aside");
  EXPECT_EQ(names_in(dir.path()), std::set<std::string>{"models"});
}
