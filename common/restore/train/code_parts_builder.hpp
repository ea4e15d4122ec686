// Counting the letter parts of the corpus's codes for code repair
// (restore/code_repair.hpp), and writing code_parts.tsv.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

#include "restore/code_repair.hpp"

namespace vn::restore {

// Counts the letter parts of code tokens; feed it kCode token text, then build().
class CodeRepairBuilder {
 public:
  void add_token(std::string_view code);
  // Keeps the parts seen at least `min_count` times.
  CodeRepair build(uint64_t min_count) const;

 private:
  std::unordered_map<std::string, uint64_t> counts_;
};

// Writes code_parts.tsv ("part<TAB>count" lines, in the model's sorted
// order: byte-identical for equal models; atomically, see
// restore/train/count_table_writer.hpp), which CodeRepair::load reads.
// Throws std::system_error naming the file when it cannot be written.
void save_code_parts(const CodeRepair& code_parts, const std::filesystem::path& path);

}  // namespace vn::restore
