// Writing the small count models (restore/count_table.hpp).
#pragma once
#include <filesystem>
#include <string_view>
#include <vector>

#include "restore/count_table.hpp"

namespace vn::restore {

// Writes `rows` in their order. Throws std::runtime_error naming `what` and
// the file on write failure.
void write_count_table(const std::filesystem::path& path, const std::vector<KeyCount>& rows, std::string_view what);

}  // namespace vn::restore
