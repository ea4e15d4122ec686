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

bool channel_is_whole(const std::filesystem::path& db, const std::string& id) {
  if (id.empty()) return false;
  return store::file_content_hash(store::schema::channel_file(db, id)) == id;
}

std::string adapted_channel_file(const restore::AdaptationResult& r, const std::string& base_models) {
  return restore::channel_tsv(r.counts, 1,
                              {"vnarchive adapted channel 1", "base " + base_models,
                               "texts " + std::to_string(r.texts) + " bytes " + std::to_string(r.bytes) +
                                   " rounds " + std::to_string(r.rounds.size())});
}

std::string write_adapted_channel(const std::filesystem::path& db, const restore::AdaptationResult& result,
                                  const std::string& base_models) {
  const std::string file = adapted_channel_file(result, base_models);
  const std::string id = store::content_hash(file);
  io::write_file_atomically(store::schema::channel_file(db, id), file);
  return id;
}

ChannelAdaptationStats adapt_archive_channel(const std::filesystem::path& db, const restore::Restorer& base,
                                             const std::string& base_models,
                                             const std::vector<io::SourceEntry>& entries, uint64_t max_file_size,
                                             const StopRequest* stop) {
  const auto t0 = std::chrono::steady_clock::now();
  AdaptationSample sample = sample_for_adaptation(entries, adaptation_budget(io::total_bytes(entries)), max_file_size);
  restore::AdaptationOptions options;
  if (stop) options.stop = [stop] { return stop->requested(); };
  const restore::AdaptationResult r = restore::adapt_channel(base, sample.texts, options);
  ChannelAdaptationStats stats;
  stats.texts = r.texts;
  stats.bytes = r.bytes;
  stats.rounds = r.rounds.size();
  stats.left_out = std::move(sample.left_out);
  if (r.adapted() && !(stop && stop->requested())) {
    stats.id = write_adapted_channel(db, r, base_models);
  }
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return stats;
}

}  // namespace vn::index
