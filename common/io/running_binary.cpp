#include "io/running_binary.hpp"

#include <unistd.h>

#include <string>

namespace vn::io {

std::filesystem::path running_binary() {
  std::string target(4096, '\0');
  const ssize_t n = ::readlink("/proc/self/exe", target.data(), target.size());
  if (n <= 0 || static_cast<size_t>(n) >= target.size()) return {};  // unreadable, or cut short
  target.resize(static_cast<size_t>(n));
  // The kernel marks an executable unlinked since it started; its old path
  // names nothing (or something else) now.
  constexpr std::string_view kDeleted = " (deleted)";
  if (target.ends_with(kDeleted)) return {};
  return target;
}

}  // namespace vn::io
