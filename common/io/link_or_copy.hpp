// Bringing a file that never changes into another directory: a hard link
// where the file system allows one, else a copy.
#pragma once
#include <filesystem>

namespace vn::io {

// Makes `to` (which must not exist) hold the bytes of `from`: a hard link
// when both lie in one file system, else a copy, fsynced. Returns true for
// a link. Only for files nobody changes in place any more (a link shares
// them: sidecar files, dictionaries, channel files). The directory of `to`
// is not synced: call sync_path on it when done.
// Throws std::filesystem::filesystem_error naming the files on failure.
bool link_or_copy(const std::filesystem::path& from, const std::filesystem::path& to);

// fsyncs the file or directory `path` (a directory: the names made in it).
// Throws std::system_error naming it on failure.
void sync_path(const std::filesystem::path& path);

}  // namespace vn::io
