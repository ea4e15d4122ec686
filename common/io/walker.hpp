// Finding the source files of an archive tree.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace vn::io {

struct SourceEntry {
  std::string path;   // absolute, lexically normal
  uint64_t size = 0;  // bytes on disk (compressed size for .zst)
  int64_t mtime = 0;  // seconds since the epoch
};

struct FileError {
  std::string path;
  std::string reason;
};

// True for names the indexer reads from directories: *.txt and *.txt.zst.
bool is_indexable_name(const std::string& file_name);

// Expands INPUT arguments: a regular file is taken whatever its name; a
// directory is walked recursively for indexable names (symlinked
// directories are not followed, so link loops cannot trap the walk; links
// to regular files are read). Non-regular files are skipped. Inputs that
// do not exist, and directories that cannot be listed, go to `errors`.
// The result is sorted by path (byte order) and free of duplicates.
std::vector<SourceEntry> walk_inputs(const std::vector<std::string>& inputs, std::vector<FileError>& errors);

}  // namespace vn::io
