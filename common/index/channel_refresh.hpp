// `vnindex adapt --db`: adapting an index's OCR channel anew to the
// originals it holds, for when the archive has grown or changed since its
// first run.
#pragma once
#include <filesystem>
#include <string>

#include "index/archive_channel.hpp"
#include "index/stop_request.hpp"
#include "restore/channel_counts.hpp"

namespace vn::index {

struct ChannelRefresh {
  std::string old_id;                 // the channel the index named before; empty: the models' own
  ChannelAdaptationStats adaptation;  // adaptation.id: the new one; empty when no round helped (nothing changed)
  restore::ChannelCounts old_counts, new_counts;  // to say what changed
};

// Under the writer lock: samples the originals (OCR text) of the indexed
// documents as a first run samples files (adaptation_budget of their
// source bytes, every k-th document in path order), adapts the channel of
// the models in `model_dir` to them, writes it beside the index and names
// it under schema::kChannelKey. The build mode keeps naming the channel the
// documents were restored with, so the next `vnindex index` is refused
// until `--force` restores everything with the new one.
// Throws std::runtime_error when there is no index at `db`, when the index
// was built with other models or without restoring, or when it holds no
// readable original.
ChannelRefresh refresh_channel(const std::filesystem::path& db, const std::filesystem::path& model_dir,
                               const StopRequest* stop);

}  // namespace vn::index
