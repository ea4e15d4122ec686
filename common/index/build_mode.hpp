// How an index's documents were made: restored, and with which models, or
// not restored. An index holds one build mode for all its documents, so
// that a search treats every document alike; a run in another mode would
// silently mix them, so it is refused unless it rebuilds the index.
#pragma once
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace vn::index {

struct BuildMode {
  bool restore = true;
  std::string models;   // id of the restoration models (hash of their files); empty when not restoring
  std::string channel;  // id of the OCR channel adapted to the archive; empty: the models' own

  // "restored with models 3f2a9c1e0b7d5a64 (their own OCR channel)",
  // "restored with models 3f2a9c1e0b7d5a64 (OCR channel adapted to the
  // archive: 9c1e4b...)" or "not restored".
  std::string describe() const;
  // The stored form ("restore <models id>[ channel <channel id>]" or
  // "no-restore"), and back.
  std::string encode() const;
  static BuildMode decode(std::string_view stored);
  bool operator==(const BuildMode&) const = default;
};

// The mode of a run: `restore`, with the models in `model_dir` (read and
// hashed: the id follows the files' content, not their place).
BuildMode build_mode_of(bool restore, const std::filesystem::path& model_dir);

// A run whose mode differs from the index's, without --force.
class BuildModeMismatch : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws BuildModeMismatch, naming the index, both modes and the way out,
// unless `run` equals `indexed`.
void require_same_mode(const std::filesystem::path& db, const BuildMode& indexed, const BuildMode& run);

}  // namespace vn::index
