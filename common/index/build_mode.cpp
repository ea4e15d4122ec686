#include "index/build_mode.hpp"

#include <stdexcept>

#include "store/content_hash.hpp"

namespace vn::index {
namespace {

constexpr std::string_view kRestore = "restore ";
constexpr std::string_view kNoRestore = "no-restore";
constexpr std::string_view kChannel = " channel ";

// The model files Restorer::load reads, in a fixed order.
constexpr const char* kModelFiles[] = {"lexicon.tsv", "channel.tsv", "code_parts.tsv", "lm.bin", "kept_words.tsv"};

std::string file_hash(const std::filesystem::path& p) {
  std::optional<std::string> hash = store::file_content_hash(p);
  if (!hash) throw std::runtime_error("cannot read model file " + p.string());
  return std::move(*hash);
}

}  // namespace

std::string BuildMode::describe() const {
  if (!restore) return "not restored";
  std::string d = "restored with models " + models.substr(0, 16);
  if (channel.empty()) return d + " (their own OCR channel)";
  return d + " (OCR channel adapted to the archive: " + channel.substr(0, 16) + ")";
}

std::string BuildMode::encode() const {
  if (!restore) return std::string(kNoRestore);
  return std::string(kRestore) + models + (channel.empty() ? "" : std::string(kChannel) + channel);
}

BuildMode BuildMode::decode(std::string_view stored) {
  if (stored == kNoRestore) return {false, {}, {}};
  if (stored.starts_with(kRestore)) {
    const std::string_view rest = stored.substr(kRestore.size());
    const size_t at = rest.find(kChannel);
    if (at == std::string_view::npos) return {true, std::string(rest), {}};
    return {true, std::string(rest.substr(0, at)), std::string(rest.substr(at + kChannel.size()))};
  }
  throw std::runtime_error("unknown build mode \"" + std::string(stored) + "\" in the index");
}

BuildMode build_mode_of(bool restore, const std::filesystem::path& model_dir) {
  if (!restore) return {false, {}, {}};
  std::string hashes;
  for (const char* name : kModelFiles) hashes += file_hash(model_dir / name);
  return {true, store::content_hash(hashes), {}};
}

void require_same_mode(const std::filesystem::path& db, const BuildMode& indexed, const BuildMode& run) {
  if (indexed == run) return;
  throw BuildModeMismatch("the index " + db.string() + " was built " + indexed.describe() + ", but this run is " +
                          run.describe() +
                          "; mixing them would make searches treat documents differently. Run with --force to "
                          "index every file again this way (nothing was indexed)");
}

}  // namespace vn::index
