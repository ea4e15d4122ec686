#include "restore/train/code_parts_builder.hpp"

#include <vector>

#include "restore/train/count_table_writer.hpp"
#include "text/normalize.hpp"

namespace vn::restore {

void CodeRepairBuilder::add_token(std::string_view code) {
  for_each_code_part(code, [&](std::string_view part, size_t) {
    if (!part.empty() && part.size() <= 4 * CodeRepair::kMaxPartLength && text::has_letter(part)) ++counts_[std::string(part)];
  });
}

CodeRepair CodeRepairBuilder::build(uint64_t min_count) const {
  std::vector<CodeRepair::Entry> entries;
  for (const auto& [part, count] : counts_)
    if (count >= min_count) entries.push_back({part, count});
  return CodeRepair(std::move(entries));
}

void save_code_parts(const CodeRepair& code_parts, const std::filesystem::path& path) {
  std::vector<KeyCount> rows;
  for (const CodeRepair::Entry& e : code_parts.entries()) rows.push_back({e.part, e.count});
  write_count_table(path, rows);
}

}  // namespace vn::restore
