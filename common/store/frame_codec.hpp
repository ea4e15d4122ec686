// zstd frames for sidecar records (one per record, or a header and text
// chunks for a huge document: store/record.hpp), optionally
// compressed against a trained dictionary. A frame names its dictionary's
// id in its header, so a reader needs no other bookkeeping, and carries a
// checksum of its content (XXH64, checked on every decompression), so any
// damage to its bytes is found by decompressing it. Frames written before
// checksums were added have none: damage inside their compressed blocks
// may then go unnoticed until the record fails to parse.
#pragma once
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace vn::store {

// Thread-safe: compress() may be called from many threads at once (each
// thread gets its own compression context; the dictionary is shared).
class FrameCompressor {
 public:
  // `dictionary` may be empty (no dictionary). Throws std::runtime_error
  // when it is not a zstd dictionary (dictionary_id() is 0).
  FrameCompressor(int level, std::string dictionary);
  ~FrameCompressor();
  FrameCompressor(const FrameCompressor&) = delete;
  FrameCompressor& operator=(const FrameCompressor&) = delete;

  std::string compress(std::string_view payload) const;
  unsigned dictionary_id() const;  // 0 without a dictionary

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Decompresses frames, loading dictionaries "dict-<id>.zdict" from `dir` on
// first use. Thread-safe.
class FrameDecompressor {
 public:
  // The bytes of dictionary `id`; throws std::runtime_error naming where
  // they were looked for when there are none.
  using DictionaryLoader = std::function<std::string(unsigned id)>;

  // Dictionaries from the files of a sidecar directory.
  explicit FrameDecompressor(std::filesystem::path dir);
  // Dictionaries from `load` (a remote shard's metadata), each loaded once.
  explicit FrameDecompressor(DictionaryLoader load);
  ~FrameDecompressor();
  FrameDecompressor(const FrameDecompressor&) = delete;
  FrameDecompressor& operator=(const FrameDecompressor&) = delete;

  // Throws std::runtime_error when `frame` is not one complete valid frame,
  // its dictionary is missing, or it would exceed `max_bytes`.
  std::string decompress(std::string_view frame, size_t max_bytes = size_t{1} << 32) const;
  // Throws like decompress() when `frame` is not one complete valid frame
  // whose content decompresses (and matches its checksum, if it has one),
  // without keeping the content: memory stays constant, whatever its size.
  void check(std::string_view frame) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Length of the frame `bytes` starts with (more bytes may follow it), or 0
// when `bytes` does not hold all of it or does not start with a frame.
size_t frame_length(std::string_view bytes);

// File name of the dictionary with `id` inside a sidecar directory.
std::string dictionary_file_name(unsigned id);

// The id `bytes` carry as a zstd dictionary, or 0 when they are not one
// that loads (empty, cut short in its header or entropy tables, or other
// bytes). A dictionary file whose id is not the one in its name is
// damaged. Damage to the content after the tables goes unnoticed: such a
// dictionary still compresses and decompresses its own frames, and the
// frames made with the whole one fail their checksums.
unsigned dictionary_id(std::string_view bytes);

}  // namespace vn::store
