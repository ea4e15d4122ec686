// What --version prints, the same for every binary: the program, the
// project's version and the git commit it was built from, and the models
// it restores with by default.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace vn::version {

// The project's version, "0.1.0" (CMake's project(VERSION)).
std::string_view project_version();

// The commit the build was configured from (`git describe --always
// --dirty`: "90c8828", "90c8828-dirty"), or "unknown" outside a git
// checkout (a source tarball). Taken when CMake configured the build.
std::string_view git_commit();

// Two lines, without a final newline:
//   vnindex 0.1.0 (git 90c8828)
//   models: /usr/share/vnarchive/models (id 3f2a9c1e0b7d5a64)
// The id is the one a build mode names (index/build_mode.hpp); a missing
// or unreadable model directory is said so in place of the id, without
// failing. Reads and hashes the model files (about 0.1 s).
std::string version_text(std::string_view program, const std::filesystem::path& model_dir);

// version_text with restore::default_model_dir().
std::string version_text(std::string_view program);

}  // namespace vn::version
