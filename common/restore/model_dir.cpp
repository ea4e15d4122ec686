#include "restore/model_dir.hpp"

#include <cstdlib>
#include <system_error>

#include "io/running_binary.hpp"

// Set by common/CMakeLists.txt; these defaults only keep the file compiling alone.
#ifndef VNARCHIVE_MODELS_DIR
#define VNARCHIVE_MODELS_DIR "models"
#endif
#ifndef VNARCHIVE_INSTALLED_MODELS
#define VNARCHIVE_INSTALLED_MODELS "../share/vnarchive/models"
#endif

namespace vn::restore {

std::filesystem::path choose_model_dir(const char* env, const std::filesystem::path& binary,
                                       const std::filesystem::path& installed_relative,
                                       const std::filesystem::path& source_models) {
  if (env && *env) return env;
  if (!binary.empty()) {
    const std::filesystem::path installed = (binary.parent_path() / installed_relative).lexically_normal();
    std::error_code ec;
    if (std::filesystem::is_directory(installed, ec)) return installed;
  }
  return source_models;
}

std::filesystem::path default_model_dir() {
  return choose_model_dir(std::getenv("VNARCHIVE_MODELS"), io::running_binary(), VNARCHIVE_INSTALLED_MODELS,
                          VNARCHIVE_MODELS_DIR);
}

}  // namespace vn::restore
