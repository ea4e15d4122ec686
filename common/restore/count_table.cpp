#include "restore/count_table.hpp"

#include <charconv>
#include <fstream>
#include <stdexcept>

namespace vn::restore {

std::vector<KeyCount> read_count_table(const std::filesystem::path& path, std::string_view what,
                                       std::string_view key_name) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + std::string(what) + " " + path.string());
  std::vector<KeyCount> rows;
  std::string line;
  for (size_t n = 1; std::getline(in, line); ++n) {
    const size_t tab = line.find('\t');
    uint64_t count = 0;
    const char* const end = line.data() + line.size();
    const auto [ptr, ec] = tab == 0 || tab == std::string::npos
                               ? std::from_chars_result{line.data(), std::errc::invalid_argument}
                               : std::from_chars(line.data() + tab + 1, end, count);
    if (ec != std::errc() || ptr != end)
      throw std::runtime_error(path.string() + ":" + std::to_string(n) + ": expected " + std::string(key_name) +
                               "<TAB>count");
    rows.push_back({line.substr(0, tab), count, n});
  }
  return rows;
}

}  // namespace vn::restore
