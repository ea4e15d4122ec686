// vnindex subcommands other than `index`: each parses nothing itself and
// calls into common/.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "restore/restorer.hpp"
#include "restore/train/trainer.hpp"

namespace vn::indexer {

struct RestoreCommand {
  std::vector<std::string> files;  // none: standard input
  std::filesystem::path models;
  bool json = false;
  unsigned threads = 0;  // 0: all cores
  restore::RestorerOptions options;
};

// Restores each file (or stdin) to stdout. Returns the exit status.
int run_restore(const RestoreCommand& command);

// Trains the models. Returns the exit status.
int run_train(const restore::TrainOptions& options);

}  // namespace vn::indexer
