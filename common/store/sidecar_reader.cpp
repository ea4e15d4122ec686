#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "store/sidecar.hpp"

namespace vn::store {

SidecarReader::SidecarReader(std::filesystem::path dir) : dir_(std::move(dir)), decompressor_(dir_) {}

std::string SidecarReader::read_frame(const SidecarLocation& where) const {
  if (where.file.empty() || where.file.find('/') != std::string::npos)
    throw std::runtime_error("invalid sidecar file name \"" + where.file + "\"");
  const auto path = dir_ / where.file;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot open sidecar " + path.string() + ": " + std::strerror(errno));
  std::string frame(where.length, '\0');
  size_t done = 0;
  while (done < frame.size()) {
    const ssize_t n = ::pread(fd, frame.data() + done, frame.size() - done, static_cast<off_t>(where.offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  if (done != frame.size())
    throw std::runtime_error("sidecar " + path.string() + " is shorter than the index expects (offset " +
                             std::to_string(where.offset) + ")");
  return frame;
}

DocumentRecord SidecarReader::read(const SidecarLocation& where) const {
  const std::string frame = read_frame(where);
  try {
    return decode_record(decompressor_.decompress(frame));
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(where_is(where) + ": " + e.what());
  }
}

void SidecarReader::check(const SidecarLocation& where) const {
  const std::string frame = read_frame(where);
  try {
    decompressor_.check(frame);
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(where_is(where) + ": " + e.what());
  }
}

std::string SidecarReader::where_is(const SidecarLocation& where) const {
  return (dir_ / where.file).string() + " at offset " + std::to_string(where.offset);
}

}  // namespace vn::store
