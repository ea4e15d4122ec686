#include "index/pipeline.hpp"

#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_pipeline.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>

#include "index/document_builder.hpp"
#include "io/source_file.hpp"
#include "restore/restorer.hpp"
#include "store/document_data.hpp"
#include "store/schema.hpp"
#include "store/sidecar.hpp"

namespace vn::index {
namespace {

// Dictionary training is serial and costs about 1 s per 4 MB of samples.
constexpr size_t kDictionarySampleFiles = 4000;
constexpr uint64_t kDictionarySampleBytes = 4 << 20;

// Records of the first files of the run (by on-disk size), uncompressed,
// to train on. Built in parallel; order kept.
std::vector<std::string> dictionary_samples(const std::vector<io::SourceEntry>& entries, uint64_t max_file_size) {
  size_t n = 0;
  for (uint64_t total = 0; n < entries.size() && n < kDictionarySampleFiles && total < kDictionarySampleBytes; ++n)
    total += entries[n].size;
  std::vector<std::string> samples(n);
  tbb::parallel_for(size_t{0}, n, [&](size_t i) {
    io::SourceBytes read = io::read_source(entries[i], std::min<uint64_t>(max_file_size, kDictionarySampleBytes));
    store::DocumentRecord record;
    std::string error;
    if (read.ok && make_record(entries[i], std::move(read.bytes), record, error))
      samples[i] = store::encode_record(record);
  });
  std::erase_if(samples, [](const std::string& s) { return s.empty(); });
  return samples;
}

std::unique_ptr<store::FrameCompressor> choose_compressor(const IndexOptions& options,
                                                          const std::vector<io::SourceEntry>& entries,
                                                          store::SidecarWriter& sidecar, IndexStats& stats) {
  if (options.dictionary) {
    stats.dictionary = store::try_dictionary(dictionary_samples(entries, options.max_file_size),
                                             options.dictionary_capacity, options.zstd_level);
    if (stats.dictionary.pays_off) {
      auto c = std::make_unique<store::FrameCompressor>(options.zstd_level, stats.dictionary.dictionary);
      sidecar.store_dictionary(c->dictionary_id(), stats.dictionary.dictionary);
      stats.dictionary_used = true;
      return c;
    }
  }
  return std::make_unique<store::FrameCompressor>(options.zstd_level, "");
}

// The serial, in-order writer: owns the database and the sidecar file.
class Writer {
 public:
  Writer(Xapian::WritableDatabase& db, store::SidecarWriter& sidecar, IndexStats& stats, const IndexOptions& o)
      : db_(db), sidecar_(sidecar), stats_(stats), commit_every_(o.commit_every), commit_bytes_(o.commit_bytes) {}

  void write(PreparedDocument& p) {
    if (!p.ok) {
      stats_.errors.push_back({p.source.path, p.error});
      return;
    }
    const store::SidecarLocation where = sidecar_.append(p.frame);
    p.document.set_data(store::encode_document_data({p.source.path, p.title, where}));
    db_.replace_document(p.id_term, p.document);
    stats_.documents++;
    stats_.bytes += p.bytes;
    stats_.sidecar_bytes += p.frame.size();
    uncommitted_bytes_ += p.bytes;
    if (++uncommitted_ >= commit_every_ || uncommitted_bytes_ >= commit_bytes_) commit();
  }

  // Sidecar first: the index must never point at frames not yet on disk.
  void commit() {
    sidecar_.sync();
    db_.commit();
    uncommitted_ = 0;
    uncommitted_bytes_ = 0;
  }

 private:
  Xapian::WritableDatabase& db_;
  store::SidecarWriter& sidecar_;
  IndexStats& stats_;
  size_t commit_every_;
  uint64_t commit_bytes_;
  size_t uncommitted_ = 0;
  uint64_t uncommitted_bytes_ = 0;
};

}  // namespace

IndexStats run_index(const IndexOptions& options, ProgressSink* progress) {
  const auto t0 = std::chrono::steady_clock::now();
  IndexStats stats;
  const std::vector<io::SourceEntry> entries = io::walk_inputs(options.inputs, stats.errors);
  stats.files = entries.size();

  std::filesystem::create_directories(options.db);
  Xapian::WritableDatabase db(store::schema::xapian_dir(options.db).string(), Xapian::DB_CREATE_OR_OPEN);
  store::SidecarWriter sidecar(store::schema::sidecar_dir(options.db));
  const unsigned threads = options.threads ? options.threads : static_cast<unsigned>(tbb::info::default_concurrency());
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, threads);
  const auto compressor = choose_compressor(options, entries, sidecar, stats);
  std::unique_ptr<restore::Restorer> restorer;
  if (options.restore)
    restorer = restore::Restorer::load(options.models.empty() ? restore::default_model_dir() : options.models);
  if (progress) {
    uint64_t total = 0;
    for (const auto& e : entries) total += e.size;
    progress->start(entries.size(), total);
  }

  Writer writer(db, sidecar, stats, options);
  size_t next = 0, done = 0;
  uint64_t done_bytes = 0;
  tbb::parallel_pipeline(
      threads * 4,
      tbb::make_filter<void, std::shared_ptr<std::pair<size_t, io::SourceBytes>>>(
          tbb::filter_mode::serial_in_order,
          [&](tbb::flow_control& fc) -> std::shared_ptr<std::pair<size_t, io::SourceBytes>> {
            if (next == entries.size()) {
              fc.stop();
              return nullptr;
            }
            const size_t i = next++;
            return std::make_shared<std::pair<size_t, io::SourceBytes>>(i, io::read_source(entries[i], options.max_file_size));
          }) &
          tbb::make_filter<std::shared_ptr<std::pair<size_t, io::SourceBytes>>, std::shared_ptr<PreparedDocument>>(
              tbb::filter_mode::parallel,
              [&](std::shared_ptr<std::pair<size_t, io::SourceBytes>> in) {
                return std::make_shared<PreparedDocument>(
                    prepare_document(entries[in->first], std::move(in->second), *compressor, restorer.get()));
              }) &
          tbb::make_filter<std::shared_ptr<PreparedDocument>, void>(
              tbb::filter_mode::serial_in_order, [&](std::shared_ptr<PreparedDocument> p) {
                writer.write(*p);
                done_bytes += p->source.size;
                if (progress) progress->advance(++done, done_bytes);
              }));
  writer.commit();
  if (progress) progress->finish();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return stats;
}

}  // namespace vn::index
