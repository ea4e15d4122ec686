#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <numeric>
#include <stdexcept>

#include "store/sidecar.hpp"

namespace vn::store {
namespace {

// Bytes read first to find a record's first frame: a header frame fits.
constexpr uint64_t kHeadProbeBytes = 64 << 10;

// Runs `read`, naming the record's place in what it throws.
template <typename Read>
auto at_location(const std::filesystem::path& dir, const SidecarLocation& where, Read read) {
  try {
    return read();
  } catch (const std::runtime_error& e) {
    throw std::runtime_error((dir / where.file).string() + " at offset " + std::to_string(where.offset) + ": " + e.what());
  }
}

// `length` bytes at `offset` of sidecar file `file` in `dir`.
std::string read_file_bytes(const std::filesystem::path& dir, const std::string& file, uint64_t offset, uint64_t length) {
  if (file.empty() || file.find('/') != std::string::npos)
    throw std::runtime_error("invalid sidecar file name \"" + file + "\"");
  const auto path = dir / file;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot open sidecar " + path.string() + ": " + std::strerror(errno));
  std::string bytes(length, '\0');
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::pread(fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  if (done != bytes.size())
    throw std::runtime_error("sidecar " + path.string() + " is shorter than the index expects (offset " +
                             std::to_string(offset) + ")");
  return bytes;
}

}  // namespace

SidecarReader::SidecarReader(std::filesystem::path dir)
    : dir_(dir),
      source_([dir](const std::string& file, uint64_t offset, uint64_t length) {
        return read_file_bytes(dir, file, offset, length);
      }),
      decompressor_(std::make_shared<FrameDecompressor>(dir)) {}

SidecarReader::SidecarReader(ByteSource source, std::shared_ptr<const FrameDecompressor> decompressor,
                             std::filesystem::path place)
    : dir_(std::move(place)), source_(std::move(source)), decompressor_(std::move(decompressor)) {}

std::string SidecarReader::read_bytes(const std::string& file, uint64_t offset, uint64_t length) const {
  return source_(file, offset, length);
}

std::string SidecarReader::read_frame(const SidecarLocation& where) const {
  return read_bytes(where.file, where.offset, where.length);
}

RecordHead SidecarReader::read_head(const SidecarLocation& where) const {
  std::string bytes = read_bytes(where.file, where.offset, std::min(where.length, kHeadProbeBytes));
  if (frame_length(bytes) == 0 && bytes.size() < where.length)  // a large record of one frame
    bytes = read_bytes(where.file, where.offset, where.length);
  return at_location(dir_, where, [&] {
    const size_t first = frame_length(bytes);
    if (first == 0) throw std::runtime_error("sidecar frame is truncated or corrupt");
    bytes.resize(first);
    RecordHead head{where, first, decode_record(decompressor_->decompress(bytes))};
    const auto& chunks = head.record.chunks;
    const uint64_t chunk_bytes = std::accumulate(chunks.begin(), chunks.end(), uint64_t{0},
                                                 [](uint64_t sum, const RecordChunk& c) { return sum + c.frame_bytes; });
    if (first + chunk_bytes != where.length)
      throw std::runtime_error(chunks.empty() ? "sidecar frame is truncated or corrupt"
                                              : "sidecar record's chunks do not fill its place");
    return head;
  });
}

std::string SidecarReader::chunk_json(const RecordHead& head, size_t i) const {
  const auto& chunks = head.record.chunks;
  if (i >= chunks.size()) throw std::runtime_error("sidecar record has no chunk " + std::to_string(i));
  uint64_t offset = head.where.offset + head.header_bytes;
  for (size_t k = 0; k < i; ++k) offset += chunks[k].frame_bytes;
  const std::string frame = read_bytes(head.where.file, offset, chunks[i].frame_bytes);
  return at_location(dir_, head.where, [&] { return decompressor_->decompress(frame); });
}

TextChunk SidecarReader::read_chunk(const RecordHead& head, size_t i) const {
  const std::string json = chunk_json(head, i);
  return at_location(dir_, head.where, [&] { return decode_text_chunk(json); });
}

std::string SidecarReader::read_chunk_frames(const RecordHead& head) const {
  return read_bytes(head.where.file, head.where.offset + head.header_bytes, head.where.length - head.header_bytes);
}

DocumentRecord SidecarReader::read(const SidecarLocation& where) const {
  RecordHead head = read_head(where);
  DocumentRecord& r = head.record;
  for (size_t i = 0; i < r.chunks.size(); ++i) {
    TextChunk c = read_chunk(head, i);
    r.text += c.text;
    if (r.restored && c.restored) *r.restored += *c.restored;
    std::move(c.low_confidence.begin(), c.low_confidence.end(), std::back_inserter(r.low_confidence));
  }
  r.chunks.clear();
  return std::move(r);
}

void SidecarReader::check(const SidecarLocation& where) const {
  const std::string bytes = read_frame(where);
  at_location(dir_, where, [&] {
    std::string_view rest = bytes;
    do {  // the header frame, then every chunk frame
      const size_t n = frame_length(rest);
      if (n == 0) throw std::runtime_error("sidecar frame is truncated or corrupt");
      decompressor_->check(rest.substr(0, n));
      rest.remove_prefix(n);
    } while (!rest.empty());
  });
}

DocumentRecord SidecarReader::read_checked(const SidecarLocation& where) const {
  RecordHead head = read_head(where);
  for (size_t i = 0; i < head.record.chunks.size(); ++i) read_chunk(head, i);
  return std::move(head.record);
}

}  // namespace vn::store
