// Writing the small count models (restore/count_table.hpp).
#pragma once
#include <filesystem>
#include <vector>

#include "restore/count_table.hpp"

namespace vn::restore {

// Writes `rows` in their order, atomically (io/atomic_file.hpp). Throws
// std::system_error naming the file when it cannot be written.
void write_count_table(const std::filesystem::path& path, const std::vector<KeyCount>& rows);

}  // namespace vn::restore
