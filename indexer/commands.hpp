// vnindex subcommands other than `index`: each parses nothing itself and
// calls into common/.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "index/stop_request.hpp"
#include "restore/channel_adaptation.hpp"
#include "restore/restorer.hpp"
#include "restore/train/trainer.hpp"

namespace vn::indexer {

struct RestoreCommand {
  std::vector<std::string> files;  // none: standard input
  std::filesystem::path models;
  bool json = false;
  unsigned threads = 0;  // 0: all cores
  restore::RestorerOptions options;
  std::filesystem::path channel;  // empty: the models' channel.tsv
};

// Restores each file (or stdin) to stdout. Returns the exit status.
int run_restore(const RestoreCommand& command);

struct ExtractCommand {
  std::vector<std::string> files;
  std::filesystem::path models;
  std::filesystem::path channel;  // empty: the models' channel.tsv
  bool restore = true;            // restore the text first, as indexing does
  bool json = false;              // JSON Lines instead of text
  unsigned threads = 0;           // 0: all cores
  uint64_t max_file_size = uint64_t{256} << 20;
};

// Prints the metadata and citations indexing would store for each file
// (index::document_facts). Returns the exit status: 1 when a file could not
// be read.
int run_extract(const ExtractCommand& command);

struct AdaptCommand {
  std::vector<std::string> inputs;  // files or trees to learn from; none: explain `channel`, or refresh `db`
  std::filesystem::path db;         // an index whose channel to adapt anew from its originals
  std::filesystem::path models;
  std::filesystem::path out;      // where to write the adapted channel (empty: nowhere)
  std::filesystem::path channel;  // with no inputs: the adapted channel to explain
  bool explain = false;
  uint64_t max_bytes = uint64_t{16} << 20;  // text read from the inputs, spread over them
  unsigned threads = 0;
  restore::RestorerOptions options;
  restore::AdaptationOptions adaptation;
  const index::StopRequest* stop = nullptr;  // ends adapting early, writing nothing
};

// Adapts the OCR channel to the inputs (restore/channel_adaptation.hpp),
// writes it and explains what it learned. Returns the exit status.
int run_adapt(const AdaptCommand& command);

// Trains the models. Returns the exit status.
int run_train(const restore::TrainOptions& options);

}  // namespace vn::indexer
