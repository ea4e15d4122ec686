// Reading one source file's bytes (plain or zstd-compressed).
#pragma once
#include <cstdint>
#include <string>

#include "io/walker.hpp"

namespace vn::io {

struct SourceBytes {
  bool ok = false;
  std::string bytes;   // file content, decompressed for *.zst
  std::string error;   // reason when !ok
};

// Reads `entry`, decompressing names ending in ".zst". Fails (never throws)
// when the file cannot be read, vanished, is no longer a regular file,
// changed while being read (a torn read is never returned), is corrupt or
// truncated zstd, or its (decompressed) content exceeds `max_bytes`
// (which also bounds decompression bombs).
// A file found in a directory walk is opened without following symbolic
// links below that directory: one swapped in since the walk fails the read
// ("a symbolic link now ...").
SourceBytes read_source(const SourceEntry& entry, uint64_t max_bytes);

// The same for a file named by `path` alone (model training, `vnindex
// restore`), which no walk found.
SourceBytes read_file(const std::string& path, uint64_t max_bytes);

}  // namespace vn::io
