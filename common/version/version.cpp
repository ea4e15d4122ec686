#include "version/version.hpp"

#include <exception>
#include <system_error>

#include "build_info.hpp"
#include "index/build_mode.hpp"
#include "restore/model_dir.hpp"

namespace vn::version {

std::string_view project_version() { return VNARCHIVE_VERSION; }

std::string_view git_commit() { return VNARCHIVE_GIT_COMMIT; }

namespace {

// "(id 3f2a9c1e0b7d5a64)", or what is wrong with the directory.
std::string models_state(const std::filesystem::path& model_dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(model_dir, ec)) return "(missing: no such directory)";
  try {
    return "(id " + index::build_mode_of(true, model_dir).models.substr(0, 16) + ")";
  } catch (const std::exception& e) {
    return std::string("(unreadable: ") + e.what() + ")";
  }
}

}  // namespace

std::string version_text(std::string_view program, const std::filesystem::path& model_dir) {
  std::string text(program);
  text += ' ';
  text += project_version();
  text += " (git ";
  text += git_commit();
  text += ")\nmodels: " + model_dir.string() + ' ' + models_state(model_dir);
  return text;
}

std::string version_text(std::string_view program) { return version_text(program, restore::default_model_dir()); }

}  // namespace vn::version
