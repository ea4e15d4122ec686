#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <system_error>

#include "io/atomic_file.hpp"
#include "store/sidecar.hpp"

namespace vn::store {
namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path) {
  throw std::system_error(errno, std::generic_category(), what + " " + path.string());
}

void write_all(int fd, std::string_view bytes, const std::filesystem::path& path) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("cannot write", path);
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
}

// Sequence number of "<seq>.vsc", or -1 for other names.
long sequence_of(const std::filesystem::path& p) {
  if (p.extension() != ".vsc") return -1;
  const std::string stem = p.stem().string();
  if (stem.empty() || stem.find_first_not_of("0123456789") != std::string::npos) return -1;
  return std::stol(stem);
}

}  // namespace

bool is_sidecar_file_name(const std::string& name) { return sequence_of(name) >= 0; }

SidecarWriter::SidecarWriter(std::filesystem::path dir, SidecarNaming naming, uint64_t roll_bytes)
    : dir_(std::move(dir)), naming_(naming), roll_bytes_(roll_bytes) {
  std::filesystem::create_directories(dir_);
}

SidecarWriter::~SidecarWriter() {
  if (fd_ >= 0) ::close(fd_);
}

void SidecarWriter::open_next() {
  if (fd_ >= 0) {
    sync();
    ::close(fd_);
  }
  long next = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir_)) next = std::max(next, sequence_of(e.path()) + 1);
  const long modulus = naming_.modulus, residue = naming_.residue;
  next += ((residue - next) % modulus + modulus) % modulus;  // the first number of this writer's residue
  char name[32];
  std::snprintf(name, sizeof name, "%06ld.vsc", next);
  name_ = name;
  const auto path = dir_ / name_;
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd_ < 0) fail("cannot create sidecar file", path);
  size_ = 0;
}

SidecarLocation SidecarWriter::append(std::string_view frame) {
  if (fd_ < 0 || (size_ > 0 && size_ + frame.size() > roll_bytes_)) open_next();
  write_all(fd_, frame, dir_ / name_);
  SidecarLocation loc{name_, size_, frame.size()};
  size_ += frame.size();
  return loc;
}

SidecarLocation SidecarWriter::append(const RecordFrames& record) {
  const uint64_t bytes = record.size();
  if (fd_ < 0 || (size_ > 0 && size_ + bytes > roll_bytes_)) open_next();
  SidecarLocation loc{name_, size_, bytes};
  for (const std::string& frame : record.frames) write_all(fd_, frame, dir_ / name_);
  size_ += bytes;
  return loc;
}

uint64_t RecordFrames::size() const {
  uint64_t bytes = 0;
  for (const std::string& f : frames) bytes += f.size();
  return bytes;
}

void SidecarWriter::sync() {
  if (fd_ >= 0 && ::fdatasync(fd_) != 0) fail("cannot sync sidecar file", dir_ / name_);
}

void SidecarWriter::store_dictionary(unsigned id, std::string_view bytes) {
  const auto path = dir_ / dictionary_file_name(id);
  if (std::filesystem::exists(path)) return;
  io::write_file_atomically(path, bytes);  // a dictionary file is either absent or complete
}

}  // namespace vn::store
