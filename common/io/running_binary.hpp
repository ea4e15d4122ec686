// Where the running program's own file is, so that an installed copy can
// find the files installed beside it (its models) wherever it was put.
#pragma once
#include <filesystem>

namespace vn::io {

// The absolute path of the running program's executable file, with every
// symbolic link resolved, read from /proc/self/exe (Linux). Empty when it
// cannot be read (no /proc mounted, or the file was deleted since it ran).
// Never throws.
std::filesystem::path running_binary();

}  // namespace vn::io
