#include "io/source_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <algorithm>
#include <memory>

namespace vn::io {
namespace {

SourceBytes failure(std::string reason) {
  SourceBytes r;
  r.error = std::move(reason);
  return r;
}

bool read_all(int fd, uint64_t limit, std::string& out, std::string& error) {
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = std::string("read error: ") + std::strerror(errno);
      return false;
    }
    if (n == 0) return true;
    if (out.size() + static_cast<size_t>(n) > limit) {
      error = "larger than --max-file-size (" + std::to_string(limit) + " bytes)";
      return false;
    }
    out.append(buf, static_cast<size_t>(n));
  }
}

SourceBytes decompress_zstd(const std::string& compressed, uint64_t max_bytes) {
  std::unique_ptr<ZSTD_DStream, decltype(&ZSTD_freeDStream)> ds(ZSTD_createDStream(), &ZSTD_freeDStream);
  SourceBytes r;
  std::string chunk(ZSTD_DStreamOutSize(), '\0');
  ZSTD_inBuffer in{compressed.data(), compressed.size(), 0};
  size_t last = 0;
  for (;;) {
    ZSTD_outBuffer out{chunk.data(), chunk.size(), 0};
    last = ZSTD_decompressStream(ds.get(), &out, &in);
    if (ZSTD_isError(last)) return failure(std::string("corrupt zstd data: ") + ZSTD_getErrorName(last));
    if (r.bytes.size() + out.pos > max_bytes)
      return failure("decompresses to more than --max-file-size (" + std::to_string(max_bytes) + " bytes)");
    r.bytes.append(chunk.data(), out.pos);
    // Done when all input is consumed and the decoder had no more to flush.
    if (in.pos == in.size && out.pos < out.size) break;
  }
  if (last != 0) return failure("truncated zstd data");
  r.ok = true;
  return r;
}

// The same file, unmodified, by what fstat() says.
bool same_version(const struct stat& a, const struct stat& b) {
  return a.st_ino == b.st_ino && a.st_size == b.st_size && a.st_mtim.tv_sec == b.st_mtim.tv_sec &&
         a.st_mtim.tv_nsec == b.st_mtim.tv_nsec;
}

// O_NONBLOCK: a path that became a FIFO since the walk must not hang the run.
constexpr int kOpenFlags = O_RDONLY | O_CLOEXEC | O_NONBLOCK;

// Opens `path` below its first `root_length` bytes (a directory) one
// component at a time, following no symbolic link. Returns -1 with errno
// set (ELOOP for a link) when it cannot.
int open_beneath(const std::string& path, size_t root_length) {
  int dir = ::open(path.substr(0, root_length).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  size_t start = root_length + (path[root_length] == '/' ? 1 : 0);  // the root may be "/"
  while (dir >= 0) {
    const size_t slash = path.find('/', start);
    const std::string name = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    const int next = slash == std::string::npos
                         ? ::openat(dir, name.c_str(), kOpenFlags | O_NOFOLLOW)
                         : ::openat(dir, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    const int saved = errno;
    ::close(dir);
    errno = saved;
    if (slash == std::string::npos) return next;
    dir = next;
    start = slash + 1;
  }
  return -1;
}

// Reads the open file `fd` of `path` and closes it.
SourceBytes read_open_file(int fd, const std::string& path, uint64_t max_bytes) {
  struct stat before {}, after {};
  if (::fstat(fd, &before) != 0 || !S_ISREG(before.st_mode)) {
    ::close(fd);
    return failure("no longer a regular file");
  }
  const bool zst = path.size() >= 4 && path.compare(path.size() - 4, 4, ".zst") == 0;
  std::string bytes, error;
  bytes.reserve(static_cast<size_t>(std::min<uint64_t>(static_cast<uint64_t>(before.st_size), max_bytes)));
  const bool ok = read_all(fd, max_bytes, bytes, error);
  const bool changed = ::fstat(fd, &after) != 0 || !same_version(before, after);
  ::close(fd);
  if (!ok) return failure(error);
  if (changed) return failure("changed while being read (it is read again on the next run)");
  if (zst) return decompress_zstd(bytes, max_bytes);
  SourceBytes r;
  r.ok = true;
  r.bytes = std::move(bytes);
  return r;
}

// Why a file could not be opened. A file found by walking a tree that is
// gone by the time it is read vanished; one named by the caller never was.
SourceBytes open_failure(int error, bool walked) {
  if (error == ENOENT) return failure(walked ? "vanished before it could be read" : "no such file");
  if (error == ELOOP) return failure("a symbolic link now (links below an input directory are not followed)");
  return failure(std::string("cannot open: ") + std::strerror(error));
}

}  // namespace

SourceBytes read_source(const SourceEntry& entry, uint64_t max_bytes) {
  if (entry.root_length == 0) return read_file(entry.path, max_bytes);
  const int fd = open_beneath(entry.path, entry.root_length);
  if (fd < 0) return open_failure(errno, true);
  return read_open_file(fd, entry.path, max_bytes);
}

SourceBytes read_file(const std::string& path, uint64_t max_bytes) {
  const int fd = ::open(path.c_str(), kOpenFlags);
  if (fd < 0) return open_failure(errno, false);
  return read_open_file(fd, path, max_bytes);
}

}  // namespace vn::io
