// zstd frames for sidecar records (one per record, or a header and text
// chunks for a huge document: store/record.hpp), optionally
// compressed against a trained dictionary. A frame names its dictionary's
// id in its header, so a reader needs no other bookkeeping.
#pragma once
#include <filesystem>
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
  // `dictionary` may be empty (no dictionary).
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
  explicit FrameDecompressor(std::filesystem::path dir);
  ~FrameDecompressor();
  FrameDecompressor(const FrameDecompressor&) = delete;
  FrameDecompressor& operator=(const FrameDecompressor&) = delete;

  // Throws std::runtime_error when `frame` is not one complete valid frame,
  // its dictionary is missing, or it would exceed `max_bytes`.
  std::string decompress(std::string_view frame, size_t max_bytes = size_t{1} << 32) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Length of the frame `bytes` starts with (more bytes may follow it), or 0
// when `bytes` does not hold all of it or does not start with a frame.
size_t frame_length(std::string_view bytes);

// File name of the dictionary with `id` inside a sidecar directory.
std::string dictionary_file_name(unsigned id);

}  // namespace vn::store
