#include "index/archive_channel.hpp"

#include <chrono>

#include "index/adaptation_sample.hpp"
#include "io/atomic_file.hpp"
#include "restore/channel_adaptation.hpp"
#include "store/content_hash.hpp"
#include "store/schema.hpp"

namespace vn::index {

std::string stored_channel_id(const Xapian::Database& db) {
  return db.get_metadata(std::string(store::schema::kChannelKey));
}

ChannelAdaptationStats adapt_archive_channel(const std::filesystem::path& db, const restore::Restorer& base,
                                             const std::vector<io::SourceEntry>& entries, uint64_t max_file_size,
                                             const StopRequest* stop) {
  const auto t0 = std::chrono::steady_clock::now();
  uint64_t total = 0;
  for (const io::SourceEntry& e : entries) total += e.size;
  AdaptationSample sample = sample_for_adaptation(entries, adaptation_budget(total), max_file_size);
  restore::AdaptationOptions options;
  if (stop) options.stop = [stop] { return stop->requested(); };
  const restore::AdaptationResult r = restore::adapt_channel(base, sample.texts, options);
  ChannelAdaptationStats stats;
  stats.texts = r.texts;
  stats.bytes = r.bytes;
  stats.rounds = r.rounds.size();
  stats.left_out = std::move(sample.left_out);
  if (r.adapted()) {
    const std::string file = restore::channel_tsv(
        r.counts, 1, {"vnarchive adapted channel 1", "adapted by vnindex index from " + std::to_string(r.texts) +
                                                         " files, " + std::to_string(r.bytes) + " bytes"});
    stats.id = store::content_hash(file);
    const std::filesystem::path path = store::schema::channel_file(db, stats.id);
    std::filesystem::create_directories(path.parent_path());
    io::write_file_atomically(path, file);
  }
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return stats;
}

}  // namespace vn::index
