// Where the restoration models are when no --models is given: the same
// rule for every binary, installed or run from the build tree.
#pragma once
#include <filesystem>

namespace vn::restore {

// The default model directory, the first of:
// 1. $VNARCHIVE_MODELS, when set and not empty (whether or not it exists:
//    a wrong setting should fail loudly, not fall back);
// 2. <directory of the running binary>/../share/vnarchive/models (the
//    relative place follows the install's bindir and datadir), when it is
//    a directory: an installed copy, which needs nothing of the source tree;
// 3. the models/ directory of the source tree this binary was built from
//    (running from the build tree).
std::filesystem::path default_model_dir();

// The choice default_model_dir() makes, given its inputs: `env` the value
// of $VNARCHIVE_MODELS (nullptr: unset), `binary` the running binary's
// path (empty: unknown), `installed_relative` the models' place relative
// to the binary's directory, `source_models` the source tree's models/.
// The installed place is returned lexically normal ("usr/share/...", not
// "usr/bin/../share/...").
std::filesystem::path choose_model_dir(const char* env, const std::filesystem::path& binary,
                                       const std::filesystem::path& installed_relative,
                                       const std::filesystem::path& source_models);

}  // namespace vn::restore
