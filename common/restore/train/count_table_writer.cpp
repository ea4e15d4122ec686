#include "restore/train/count_table_writer.hpp"

#include <fstream>
#include <stdexcept>
#include <string>

namespace vn::restore {

void write_count_table(const std::filesystem::path& path, const std::vector<KeyCount>& rows, std::string_view what) {
  std::ofstream out(path, std::ios::binary);
  for (const KeyCount& r : rows) out << r.key << '\t' << r.count << '\n';
  if (!out) throw std::runtime_error("cannot write " + std::string(what) + " " + path.string());
}

}  // namespace vn::restore
