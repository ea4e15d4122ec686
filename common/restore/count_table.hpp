// The TSV format of the small count models: one "key<TAB>count" per line
// (restore/train/count_table_writer.hpp writes it).
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace vn::restore {

struct KeyCount {
  std::string key;
  uint64_t count = 0;
  size_t line = 0;  // 1-based line in the file it was read from
};

// Throws std::runtime_error naming `what` or the file and line ("path:3:
// expected <key_name><TAB>count") when the file cannot be read or a line
// is not key<TAB>decimal count.
std::vector<KeyCount> read_count_table(const std::filesystem::path& path, std::string_view what,
                                       std::string_view key_name);

}  // namespace vn::restore
