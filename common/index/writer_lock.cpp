#include "index/writer_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>

#include "store/schema.hpp"

namespace vn::index {
namespace {

// The pid the holder wrote, up to its newline. A holder that has just
// taken the lock may not have written it yet: wait for it a little.
std::string holder_pid(int fd) {
  for (int attempt = 0; attempt < 50; ++attempt) {
    char buf[32] = {};
    const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
    const std::string_view text(buf, n > 0 ? static_cast<size_t>(n) : 0);
    const std::string_view pid = text.substr(0, text.find('\n'));
    if (!pid.empty() && pid.find_first_not_of("0123456789") == std::string_view::npos) return std::string(pid);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return {};
}

}  // namespace

WriterLock::WriterLock(const std::filesystem::path& db) {
  std::filesystem::create_directories(db);
  const auto path = store::schema::lock_file(db);
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw std::system_error(errno, std::generic_category(), "cannot open " + path.string());
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    const std::string pid = holder_pid(fd_);
    ::close(fd_);
    fd_ = -1;
    if (err != EWOULDBLOCK) throw std::system_error(err, std::generic_category(), "cannot lock " + path.string());
    throw IndexBusy("the index " + db.string() + " is being written by another process" +
                    (pid.empty() ? std::string() : " (pid " + pid + ")") + "; try again when it has finished");
  }
  // Written over the last holder's pid, then cut to length: a reader never
  // sees an empty file once a pid was written (holder_pid stops at '\n').
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::pwrite(fd_, pid.data(), pid.size(), 0) == static_cast<ssize_t>(pid.size()))
    (void)!::ftruncate(fd_, static_cast<off_t>(pid.size()));
}

WriterLock::~WriterLock() {
  if (fd_ >= 0) ::close(fd_);  // releases the lock
}

}  // namespace vn::index
