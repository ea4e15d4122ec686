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
  // For a file met in a directory walk: the length of the directory input
  // it was found under, a prefix of `path`. read_source() then follows no
  // symbolic link below that directory, so that a link swapped in after the
  // walk cannot bring in a file from elsewhere. 0 for a file named as an
  // input (a link to a file is taken, as the user named it).
  size_t root_length = 0;
};

struct FileError {
  std::string path;
  std::string reason;
};

// True for names the indexer reads from directories: *.txt and *.txt.zst.
bool is_indexable_name(const std::string& file_name);

struct WalkResult {
  std::vector<SourceEntry> entries;  // sorted by path (byte order), no duplicates
  std::vector<FileError> errors;     // inputs that do not exist, directories that cannot be listed (their files are not looked at)
  std::vector<FileError> skipped;    // indexable names that are not files to read, and why
};

// An INPUT argument as the walk names the paths under it: absolute and
// lexically normal (SourceEntry::path starts with it).
std::string normal_input_path(const std::string& input);

// True when `path` is `root` or lies inside the directory `root` (both as
// normal_input_path() gives them).
bool lies_under(const std::string& path, const std::string& root);

// Expands INPUT arguments: a regular file (or a link to one) is taken
// whatever its name; a directory is walked recursively for indexable names.
// Inside directories symbolic links are not followed (so link loops cannot
// trap the walk and links cannot pull in files from outside the tree): an
// indexable name that is a link, a FIFO, a device or a socket is skipped
// with the reason. Names are taken as bytes (they need not be UTF-8).
WalkResult walk_inputs(const std::vector<std::string>& inputs);

// The sum of the entries' sizes.
uint64_t total_bytes(const std::vector<SourceEntry>& entries);

}  // namespace vn::io
