#include "restore/train/count_table_writer.hpp"

#include <string>

#include "io/atomic_file.hpp"

namespace vn::restore {

void write_count_table(const std::filesystem::path& path, const std::vector<KeyCount>& rows) {
  std::string text;
  for (const KeyCount& r : rows) text.append(r.key).append(1, '\t').append(std::to_string(r.count)).append(1, '\n');
  io::write_file_atomically(path, text);
}

}  // namespace vn::restore
