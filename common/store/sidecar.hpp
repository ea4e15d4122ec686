// Sidecar files: append-only files of zstd frames, living in <db>/sidecar/.
// A document's record is one frame, or for a huge document a header frame
// followed by its text chunk frames (store/record.hpp). The Xapian document
// stores where its record is, so a reader fetches exactly its bytes, or
// for a record in chunks its header and the one chunk it needs.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <functional>
#include <string>
#include <string_view>

#include <vector>

#include "store/frame_codec.hpp"
#include "store/record.hpp"
#include "store/text_chunk.hpp"

namespace vn::store {

struct SidecarLocation {
  std::string file;     // file name inside the sidecar directory
  uint64_t offset = 0;  // byte offset of the record (its first frame)
  uint64_t length = 0;  // byte length of the record (all its frames)
};

// A record's frames, compressed, in the order they are stored: one, or a
// header and its text chunks.
struct RecordFrames {
  std::vector<std::string> frames;
  uint64_t size() const;  // bytes, all frames together
};

// The sequence numbers a writer gives its files: those that leave
// `residue` modulo `modulus`. The shards of one archive (index/shard.hpp)
// take one residue each, so that their file names never collide and
// merging them copies the files as they are.
struct SidecarNaming {
  unsigned residue = 0;
  unsigned modulus = 1;
};

// Appends frames to a new sidecar file "<seq>.vsc" (the next free number,
// created at the first append), rolling over to another file past
// `roll_bytes`. Files are only ever appended to, so a frame the index points
// at never changes; frames of a run killed before its commit are dead bytes
// that compaction reclaims. One writer per index; not thread-safe.
class SidecarWriter {
 public:
  explicit SidecarWriter(std::filesystem::path dir, SidecarNaming naming = {}, uint64_t roll_bytes = uint64_t{1} << 30);
  ~SidecarWriter();
  SidecarWriter(const SidecarWriter&) = delete;
  SidecarWriter& operator=(const SidecarWriter&) = delete;

  // Throws std::system_error (with the file name) on write failure.
  SidecarLocation append(std::string_view frame);
  // Appends a record's frames back to back: one location for all of them.
  SidecarLocation append(const RecordFrames& record);
  // Flushes and fsyncs the current file. Call before committing the index
  // that points into it.
  void sync();
  // Stores a dictionary next to the sidecar files, atomically (no-op when
  // present). Throws std::system_error (with the file name) on failure.
  void store_dictionary(unsigned id, std::string_view bytes);

 private:
  void open_next();

  std::filesystem::path dir_;
  SidecarNaming naming_;
  uint64_t roll_bytes_;
  int fd_ = -1;
  std::string name_;
  uint64_t size_ = 0;
};

// "<seq>.vsc" names: true for sidecar data files.
bool is_sidecar_file_name(const std::string& name);

// A record read up to its text: the whole record when it is one frame,
// the header of one in chunks.
struct RecordHead {
  SidecarLocation where;
  uint64_t header_bytes = 0;  // length of the first frame; chunk frames follow it
  DocumentRecord record;      // record.chunks: empty for a record of one frame
};

// Reads records back. Every read throws std::runtime_error naming the file
// and offset when the bytes cannot be read or are not a valid record.
// Thread-safe.
class SidecarReader {
 public:
  // `length` bytes at `offset` of sidecar file `file`, or throws
  // std::runtime_error saying why not.
  using ByteSource = std::function<std::string(const std::string& file, uint64_t offset, uint64_t length)>;

  // Records in the sidecar files of `dir`, with its dictionaries.
  explicit SidecarReader(std::filesystem::path dir);
  // Records whose bytes come from `source` (a remote shard's record values,
  // query/shard_records.hpp), decompressed by `decompressor`; `place`
  // names the source in errors.
  SidecarReader(ByteSource source, std::shared_ptr<const FrameDecompressor> decompressor, std::filesystem::path place);

  // The whole record, a record in chunks with its chunks joined again
  // (record.chunks then empty): memory of the order of the document's text.
  DocumentRecord read(const SidecarLocation& where) const;
  // Throws like read() when the record cannot be read back: a frame of it
  // is cut short or missing, is not one whole zstd frame, its dictionary is
  // missing or damaged, or it does not decompress or fails its checksum.
  // The record is not parsed (about a sixth of read()'s cost), so a frame
  // without a checksum (written before they were added) whose damage still
  // decompresses passes here and fails read().
  void check(const SidecarLocation& where) const;
  // The record without decompressing its text chunks: what a hit or a
  // document view needs, at a cost that does not grow with the text.
  RecordHead read_head(const SidecarLocation& where) const;
  // Text chunk `i` of a record in chunks.
  TextChunk read_chunk(const RecordHead& head, size_t i) const;
  // The bytes of all text chunk frames, still compressed (for reusing them
  // under another header); empty for a record of one frame.
  std::string read_chunk_frames(const RecordHead& head) const;
  // read_head(), after decompressing and parsing every chunk one at a time
  // (for verification: memory of one chunk).
  DocumentRecord read_checked(const SidecarLocation& where) const;
  // The record's bytes, still compressed: all its frames.
  std::string read_frame(const SidecarLocation& where) const;

 private:
  // `length` bytes at `offset` of `file`.
  std::string read_bytes(const std::string& file, uint64_t offset, uint64_t length) const;
  std::string chunk_json(const RecordHead& head, size_t i) const;

  std::filesystem::path dir_;  // or the place of another source
  ByteSource source_;
  std::shared_ptr<const FrameDecompressor> decompressor_;
};

}  // namespace vn::store
