// The OCR channel an index's documents are restored with: the models' own,
// or one adapted to the archive (restore/channel_adaptation.hpp) on the
// index's first run and kept in the index: the file
// schema::channel_file(db, id), named by its id under schema::kChannelKey.
// Later runs restore with it, so the whole index is read alike.
#pragma once
#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "index/stop_request.hpp"
#include "io/walker.hpp"
#include "restore/channel_adaptation.hpp"
#include "restore/restorer.hpp"

namespace vn::index {

// The id of the index's adapted channel; empty when it has none.
std::string stored_channel_id(const Xapian::Database& db);

// True when the channel file of `id` is in the index directory, reads,
// and holds what its id (content hash) says.
bool channel_is_whole(const std::filesystem::path& db, const std::string& id);

// The channel.tsv text of an adaptation's result, with comments naming the
// base models (BuildMode::models) and what it learned from. Its content
// hash is the channel's id.
std::string adapted_channel_file(const restore::AdaptationResult& result, const std::string& base_models);

// Writes adapted_channel_file() atomically to schema::channel_file(db, id)
// and returns its id.
std::string write_adapted_channel(const std::filesystem::path& db, const restore::AdaptationResult& result,
                                  const std::string& base_models);

// What adapting on a run did (all zero when it did not run).
struct ChannelAdaptationStats {
  std::string id;        // of the channel written; empty when no round helped
  size_t texts = 0;      // files learned from
  uint64_t bytes = 0;    // their text
  size_t rounds = 0;     // decode-and-count rounds run
  double seconds = 0;
  std::vector<io::FileError> left_out;  // sampled files that could not be read
};

// Adapts `base`'s channel (of the models `base_models`) to a sample of
// `entries` (index/adaptation_sample.hpp) and writes it, atomically, to
// schema::channel_file(db, id). Returns an empty id when no round helped,
// or when a stop was requested (a channel must not depend on when the
// user pressed Ctrl-C): the models' channel stays. The caller stores the
// id under kChannelKey. Deterministic: the same entries and models give
// the same file.
ChannelAdaptationStats adapt_archive_channel(const std::filesystem::path& db, const restore::Restorer& base,
                                             const std::string& base_models,
                                             const std::vector<io::SourceEntry>& entries, uint64_t max_file_size,
                                             const StopRequest* stop);

}  // namespace vn::index
