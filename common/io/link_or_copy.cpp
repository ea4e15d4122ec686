#include "io/link_or_copy.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace vn::io {
namespace fs = std::filesystem;

bool link_or_copy(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::create_hard_link(from, to, ec);
  if (!ec) return true;
  // Another file system (EXDEV), or one without hard links (EPERM): copy.
  fs::copy_file(from, to, fs::copy_options::none);
  sync_path(to);
  return false;
}

void sync_path(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot open " + path.string());
  if (::fsync(fd) != 0) {
    const int err = errno;
    ::close(fd);
    throw std::system_error(err, std::generic_category(), "cannot sync " + path.string());
  }
  ::close(fd);
}

}  // namespace vn::io
