#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <system_error>

namespace vn::io {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(int err, const std::string& what, const fs::path& path) {
  throw std::system_error(err, std::generic_category(), what + " " + path.string());
}

// The directory holding `path`.
fs::path parent_of(const fs::path& path) { return path.has_parent_path() ? path.parent_path() : fs::path("."); }

// Makes the renames in `dir` durable.
void sync_directory(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) fail(errno, "cannot open directory", dir);
  if (::fsync(fd) != 0) {
    const int err = errno;
    ::close(fd);
    fail(err, "cannot sync directory", dir);
  }
  ::close(fd);
}

}  // namespace

void write_file_atomically(const fs::path& path, std::string_view bytes) {
  const fs::path tmp = path.string() + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail(errno, "cannot create", tmp);
  // Every failure from here on closes and removes the temporary file.
  const auto give_up = [&](const char* what) {
    const int err = errno;
    if (fd >= 0) ::close(fd);
    ::unlink(tmp.c_str());
    fail(err, what, tmp);
  };
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) give_up("cannot write");
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  if (::fsync(fd) != 0) give_up("cannot sync");
  const int closed = ::close(fd);
  fd = -1;
  if (closed != 0) give_up("cannot close");
  if (::rename(tmp.c_str(), path.c_str()) != 0) give_up("cannot rename");
  sync_directory(parent_of(path));
}

void replace_directory(const fs::path& target, const fs::path& fresh, const fs::path& aside) {
  if (::syscall(SYS_renameat2, AT_FDCWD, fresh.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
    sync_directory(parent_of(target));
    fs::remove_all(fresh);  // now the old directory
    return;
  }
  if (errno != EINVAL && errno != ENOSYS) fail(errno, "cannot swap in", fresh);
  fs::rename(target, aside);
  fs::rename(fresh, target);
  sync_directory(parent_of(target));
  fs::remove_all(aside);
}

void recover_directory(const fs::path& target, const fs::path& aside) {
  if (!fs::exists(target) && fs::exists(aside)) fs::rename(aside, target);
  fs::remove_all(aside);
}

}  // namespace vn::io
