// Sidecar files: append-only files of zstd frames, one frame per document
// record, living in <db>/sidecar/. The Xapian document stores where its
// frame is, so a reader fetches exactly one frame.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "store/frame_codec.hpp"
#include "store/record.hpp"

namespace vn::store {

struct SidecarLocation {
  std::string file;     // file name inside the sidecar directory
  uint64_t offset = 0;  // byte offset of the frame
  uint64_t length = 0;  // byte length of the frame
};

// Appends frames to a new sidecar file "<seq>.vsc" (the next free number,
// created at the first append), rolling over to another file past
// `roll_bytes`. Files are only ever appended to, so a frame the index points
// at never changes; frames of a run killed before its commit are dead bytes
// that compaction reclaims. One writer per index; not thread-safe.
class SidecarWriter {
 public:
  explicit SidecarWriter(std::filesystem::path dir, uint64_t roll_bytes = uint64_t{1} << 30);
  ~SidecarWriter();
  SidecarWriter(const SidecarWriter&) = delete;
  SidecarWriter& operator=(const SidecarWriter&) = delete;

  // Throws std::system_error (with the file name) on write failure.
  SidecarLocation append(std::string_view frame);
  // Flushes and fsyncs the current file. Call before committing the index
  // that points into it.
  void sync();
  // Stores a dictionary next to the sidecar files, atomically (no-op when
  // present). Throws std::system_error (with the file name) on failure.
  void store_dictionary(unsigned id, std::string_view bytes);

 private:
  void open_next();

  std::filesystem::path dir_;
  uint64_t roll_bytes_;
  int fd_ = -1;
  std::string name_;
  uint64_t size_ = 0;
};

// "<seq>.vsc" names: true for sidecar data files.
bool is_sidecar_file_name(const std::string& name);

// Reads records back. Thread-safe.
class SidecarReader {
 public:
  explicit SidecarReader(std::filesystem::path dir);

  // Throws std::runtime_error naming the file when the frame cannot be read
  // or is not a valid record.
  DocumentRecord read(const SidecarLocation& where) const;
  // Throws like read() when the record cannot be read back: its frame is
  // cut short or missing, is not one whole zstd frame, its dictionary is
  // missing or damaged, or it does not decompress or fails its checksum.
  // The record is not parsed (about a sixth of read()'s cost), so a frame
  // without a checksum (written before they were added) whose damage still
  // decompresses passes here and fails read().
  void check(const SidecarLocation& where) const;
  // The frame's bytes, still compressed. Throws std::runtime_error naming
  // the file when they cannot all be read.
  std::string read_frame(const SidecarLocation& where) const;

 private:
  std::string where_is(const SidecarLocation& where) const;  // "<dir>/<file> at offset N", for errors

  std::filesystem::path dir_;
  FrameDecompressor decompressor_;
};

}  // namespace vn::store
