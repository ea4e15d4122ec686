// Replacing files and directories so that a crash at any moment leaves
// either the old one or the complete new one, never a mix.
#pragma once
#include <filesystem>
#include <string_view>

namespace vn::io {

// Replaces the file `path` (or creates it) with `bytes`: writes them to
// "<path>.tmp" (mode 0644; one left by a crash is overwritten), fsyncs it,
// renames it over `path` and fsyncs the directory. Not for concurrent
// writers of one path: they share the temporary name.
// Throws std::system_error naming the file and the reason; the temporary
// file is closed and removed then, and `path` keeps what it held.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

// Puts the directory `fresh` in the place of the directory `target`, then
// removes the old `target` and fsyncs their parent. The switch is one
// renameat2(RENAME_EXCHANGE) where the file system can do that; elsewhere
// it is two renames, `target` to `aside` (which must not exist) and
// `fresh` to `target`, and a crash between them leaves `aside` but no
// `target`: recover_directory() undoes that. A crash after the switch
// leaves the old directory at `fresh` or `aside` for the caller to remove.
// REQUIRES: `target` exists; all three paths in one file system.
// Throws std::system_error (std::filesystem::filesystem_error) naming the
// directory when a rename fails.
void replace_directory(const std::filesystem::path& target, const std::filesystem::path& fresh,
                       const std::filesystem::path& aside);

// Repairs what an interrupted replace_directory(target, _, aside) left:
// renames `aside` back to `target` when `target` is missing, then removes
// whatever is left of `aside`. Does nothing when neither is there.
void recover_directory(const std::filesystem::path& target, const std::filesystem::path& aside);

}  // namespace vn::io
