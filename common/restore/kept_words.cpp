#include "restore/kept_words.hpp"

#include "restore/count_table.hpp"

namespace vn::restore {

KeptWords KeptWords::load(const std::filesystem::path& path) {
  KeptWords kept;
  for (KeyCount& row : read_count_table(path, "kept words", "word")) kept.words_.insert(std::move(row.key));
  return kept;
}

}  // namespace vn::restore
