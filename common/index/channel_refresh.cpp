#include "index/channel_refresh.hpp"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include "index/adaptation_sample.hpp"
#include "index/build_mode.hpp"
#include "index/indexed_state.hpp"
#include "index/writer_lock.hpp"
#include "restore/channel_adaptation.hpp"
#include "store/schema.hpp"
#include "store/sidecar.hpp"

namespace vn::index {
namespace {

// The source bytes of every indexed document (value slot kSlotSize).
uint64_t indexed_bytes(const Xapian::Database& db) {
  double total = 0;
  for (auto v = db.valuestream_begin(store::schema::kSlotSize); v != db.valuestream_end(store::schema::kSlotSize); ++v)
    total += Xapian::sortable_unserialise(*v);
  return static_cast<uint64_t>(total);
}

// The OCR text of every k-th indexed document in path order, until
// `budget` bytes are taken; unreadable records are skipped (verify
// reports them).
std::vector<std::string> sample_originals(const std::filesystem::path& db_dir, const IndexedState& state,
                                          uint64_t total, uint64_t budget) {
  std::vector<const IndexedDocument*> docs;
  for (const auto& [path, d] : state.by_path()) docs.push_back(&d);
  std::sort(docs.begin(), docs.end(), [](const auto* a, const auto* b) { return a->path < b->path; });
  const size_t stride = sampling_stride(total, budget);
  const store::SidecarReader reader(store::schema::sidecar_dir(db_dir));
  std::vector<std::string> texts;
  uint64_t taken = 0;
  for (size_t i = 0; i < docs.size() && taken < budget; i += stride) {
    try {
      std::string text = reader.read(docs[i]->sidecar).text;
      taken += text.size();
      texts.push_back(std::move(text));
    } catch (const std::exception&) {
    }
  }
  return texts;
}

}  // namespace

ChannelRefresh refresh_channel(const std::filesystem::path& db_dir, const std::filesystem::path& model_dir,
                               const StopRequest* stop) {
  const auto t0 = std::chrono::steady_clock::now();
  if (!std::filesystem::is_directory(store::schema::xapian_dir(db_dir)))
    throw std::runtime_error("no index at " + db_dir.string());
  WriterLock lock(db_dir);
  Xapian::WritableDatabase db(store::schema::xapian_dir(db_dir).string(), Xapian::DB_OPEN);
  const BuildMode run = build_mode_of(true, model_dir);
  const std::string stored = db.get_metadata(std::string(store::schema::kBuildModeKey));
  if (!stored.empty()) {
    const BuildMode indexed = BuildMode::decode(stored);
    if (!indexed.restore || indexed.models != run.models)
      throw std::runtime_error("the index " + db_dir.string() + " was built " + indexed.describe() +
                               ", not with the models in " + model_dir.string() + ": its channel cannot be adapted "
                               "from them (give its --models, or rebuild it with vnindex index --force)");
  }
  ChannelRefresh r;
  r.old_id = stored_channel_id(db);
  const std::unique_ptr<restore::Restorer> base = restore::Restorer::load(model_dir);
  r.old_counts = r.old_id.empty() || !channel_is_whole(db_dir, r.old_id)
                     ? base->channel().counts()
                     : restore::read_channel_counts(store::schema::channel_file(db_dir, r.old_id));
  const uint64_t total = indexed_bytes(db);
  const std::vector<std::string> texts =
      sample_originals(db_dir, IndexedState::load(db), total, adaptation_budget(total));
  if (texts.empty()) throw std::runtime_error("the index " + db_dir.string() + " holds no readable original text");
  restore::AdaptationOptions options;
  if (stop) options.stop = [stop] { return stop->requested(); };
  const restore::AdaptationResult a = restore::adapt_channel(*base, texts, options);
  r.adaptation.texts = a.texts;
  r.adaptation.bytes = a.bytes;
  r.adaptation.rounds = a.rounds.size();
  r.new_counts = a.counts;
  if (a.adapted() && !(stop && stop->requested())) {
    r.adaptation.id = write_adapted_channel(db_dir, a, run.models);
    if (r.adaptation.id != r.old_id) {
      db.set_metadata(std::string(store::schema::kChannelKey), r.adaptation.id);
      db.commit();
    }
  }
  r.adaptation.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace vn::index
