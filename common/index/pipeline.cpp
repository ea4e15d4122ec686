#include "index/pipeline.hpp"

#include <sys/stat.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_pipeline.h>
#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_set>

#include "index/build_mode.hpp"
#include "index/compact.hpp"
#include "index/document_builder.hpp"
#include "index/failure_memory.hpp"
#include "index/indexed_state.hpp"
#include "index/writer_lock.hpp"
#include "index/xapian_parts.hpp"
#include "io/source_file.hpp"
#include "io/whole_file.hpp"
#include "restore/restorer.hpp"
#include "store/content_hash.hpp"
#include "store/document_data.hpp"
#include "store/schema.hpp"
#include "store/sidecar.hpp"

namespace vn::index {

const char* outcome_name(Outcome o) {
  switch (o) {
    case Outcome::kAdded: return "added";
    case Outcome::kReplaced: return "replaced";
    case Outcome::kUnchanged: return "unchanged";
    case Outcome::kRepaired: return "repaired";
    case Outcome::kCopied: return "copied";
    case Outcome::kRemoved: return "removed";
    case Outcome::kFailed: return "failed";
    case Outcome::kSkipped: return "skipped";
  }
  return "?";
}

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
    std::string error, damage;
    if (read.ok && make_record(entries[i], std::move(read.bytes), record, error, damage))
      samples[i] = store::encode_record(record);
  });
  std::erase_if(samples, [](const std::string& s) { return s.empty(); });
  return samples;
}

// The stored dictionary `id` (not 0) when its file is whole (a zstd
// dictionary of that id), else empty with `lost` saying what is wrong. A
// damaged file is moved aside (to "<name>.damaged"), so that a new
// dictionary of the same id can take its place.
std::string stored_dictionary(const std::filesystem::path& db, unsigned id, std::string& lost) {
  const std::string name = store::dictionary_file_name(id);
  const auto path = store::schema::sidecar_dir(db) / name;
  std::string dictionary = io::read_whole_file(path).value_or("");
  if (store::dictionary_id(dictionary) == id) return dictionary;
  if (dictionary.empty()) {
    lost = "sidecar dictionary " + name + " is missing";
  } else {
    std::filesystem::rename(path, path.string() + ".damaged");
    lost = "sidecar dictionary " + name + " is damaged (moved aside to " + name + ".damaged)";
  }
  return {};
}

// The dictionary decision of a first run: train a dictionary on the run's
// first files and use it if it pays off. Sets `decided` when the material
// was enough to decide.
std::unique_ptr<store::FrameCompressor> decide_compressor(const IndexOptions& options,
                                                          const std::vector<io::SourceEntry>& entries,
                                                          store::SidecarWriter& sidecar, IndexStats& stats,
                                                          std::string& decided) {
  if (options.dictionary) {
    stats.dictionary = store::try_dictionary(dictionary_samples(entries, options.max_file_size),
                                             options.dictionary_capacity, options.zstd_level);
    if (stats.dictionary.pays_off) {
      auto c = std::make_unique<store::FrameCompressor>(options.zstd_level, stats.dictionary.dictionary);
      sidecar.store_dictionary(c->dictionary_id(), stats.dictionary.dictionary);
      stats.dictionary_used = true;
      decided = std::to_string(c->dictionary_id());
      return c;
    }
    if (stats.dictionary.trained) decided = "0";  // enough material, and it does not pay: never try again
  }
  return std::make_unique<store::FrameCompressor>(options.zstd_level, "");
}

// What became of a lost dictionary `id`, given the run's new decision.
std::string lost_dictionary_outcome(unsigned id, const std::string& decided) {
  if (decided == std::to_string(id))
    return ": trained again on this run's files, it came out the same, so the records compressed with it read again";
  const std::string instead = decided == "0" ? "without a dictionary" : "with a new one, " +
                                                 store::dictionary_file_name(static_cast<unsigned>(std::stoul(decided)));
  return ": the records compressed with it are indexed again from their files (repaired), " + instead;
}

// The compressor for new records. The index keeps one decision for its
// life (schema::kDictionaryKey): the first run that has enough material
// trains a dictionary and decides; later runs reuse it. `decided` is set to
// the value to store when this run made the decision.
//
// A stored dictionary whose file is missing or damaged (stats.dictionary_lost)
// is decided again, as on a first run, and when no new dictionary comes of
// it, the decision becomes "no dictionary". The records compressed with the
// lost one cannot be read back: the Preparer finds them and indexes their
// files again, with the new compressor. A dictionary trained again on the
// same files is the same dictionary, with the same id (zstd derives it
// from the content), and makes those records readable again.
std::unique_ptr<store::FrameCompressor> choose_compressor(const IndexOptions& options, Xapian::WritableDatabase& db,
                                                          const std::vector<io::SourceEntry>& entries,
                                                          store::SidecarWriter& sidecar, IndexStats& stats,
                                                          std::string& decided) {
  const std::string stored = db.get_metadata(std::string(store::schema::kDictionaryKey));
  if (!stored.empty()) {
    const unsigned id = static_cast<unsigned>(std::stoul(stored));
    if (id == 0) return std::make_unique<store::FrameCompressor>(options.zstd_level, "");
    std::string dictionary = stored_dictionary(options.db, id, stats.dictionary_lost);
    if (!dictionary.empty()) {
      stats.dictionary_used = true;
      return std::make_unique<store::FrameCompressor>(options.zstd_level, std::move(dictionary));
    }
    auto compressor = decide_compressor(options, entries, sidecar, stats, decided);
    if (decided.empty()) decided = "0";
    stats.dictionary_lost += lost_dictionary_outcome(id, decided);
    return compressor;
  }
  return decide_compressor(options, entries, sidecar, stats, decided);
}

// One file through the pipeline: what the parallel stage decided.
struct Work {
  enum Kind { kIndex, kUnchanged, kFailed } kind = kFailed;
  std::string copied_from;  // kIndex with a reused record: the path it came from
  bool replaces = false;    // kIndex: the path was indexed before
  bool known = false;       // kFailed: failed before and unchanged since, not read (FailureMemory::recall)
  std::string repairs;      // kIndex of unchanged content: why its record cannot be read back
  bool into_part = false;   // written by the writer but for its Xapian document: add that to a part
  uint64_t ordinal = 0;     // into_part: the how-manieth document of the run (XapianParts::add)
  PreparedDocument doc;
};

// The parallel stage: hash, compare with what the index holds, and prepare
// only what changed, or what is damaged.
//
// Every unchanged file's record is checked on every run, with
// SidecarReader::check: its frame is read and decompressed, and its
// checksum compared, but the record is not parsed. That finds every record
// a search could not read: a sidecar file cut short, bit flips, deleted
// files, a missing or damaged dictionary (frames written before checksums
// were added: all damage that stops decompression). Measured on reruns
// over unchanged trees (2 shared cores): for 700 files of 2.4 KB the check
// took 8-11 ms of CPU (11-16 us a record), the whole rerun 80-95 ms; for 40
// files of 680 KB (27 MB), 10-15 ms against about 105 ms. Parsing the
// records as well, as vnindex verify does, took 17 and 67 ms: up to two
// thirds of a rerun, to find only damage a frame without a checksum hides.
class Preparer {
 public:
  Preparer(const IndexedState& state, const store::SidecarReader& reader, const store::FrameCompressor& compressor,
           const restore::Restorer* restorer, doc::ReferenceLists refs, bool force, const FailureMemory& failures)
      : state_(state), reader_(reader), compressor_(compressor), restorer_(restorer), refs_(refs), force_(force),
        failures_(failures) {}

  Work operator()(const io::SourceEntry& source, io::SourceBytes read) const {
    Work w;
    if (const RememberedFailure* f = failures_.recall(source)) {
      w.known = true;
      w.doc.source = source;
      w.doc.error = f->reason;
      return w;
    }
    if (!read.ok) {
      w.doc.source = source;
      w.doc.error = std::move(read.error);
      return w;
    }
    const std::string hash = store::content_hash(read.bytes);
    const IndexedDocument* indexed = state_.find(source.path);
    if (indexed && indexed->content_hash == hash && !force_) {
      w.repairs = record_damage(*indexed);
      if (w.repairs.empty()) {
        w.kind = Work::kUnchanged;
        w.doc.source = source;
        w.doc.bytes = read.bytes.size();
        return w;
      }
    }
    w.replaces = indexed != nullptr;
    // A repair starts afresh from the file: the record of the same content
    // is likely the damaged one.
    const bool reuse = !force_ && w.repairs.empty();
    if (const IndexedDocument* same = reuse ? state_.with_content(hash) : nullptr) {
      try {
        w.doc = reuse_document(source, reader_, same->sidecar, compressor_);
      } catch (const std::runtime_error&) {
        w.doc = PreparedDocument{};  // unreadable record: index the file afresh
      }
      if (w.doc.ok) w.copied_from = same->path;
    }
    if (!w.doc.ok) w.doc = prepare_document(source, std::move(read), compressor_, restorer_, refs_);
    w.kind = w.doc.ok ? Work::kIndex : Work::kFailed;
    return w;
  }

 private:
  // Why the record of `d` cannot be read back, or "" when it can.
  std::string record_damage(const IndexedDocument& d) const {
    try {
      reader_.check(d.sidecar);
      return {};
    } catch (const std::runtime_error& e) {
      return std::string("sidecar record unreadable: ") + e.what();
    }
  }

  const IndexedState& state_;
  const store::SidecarReader& reader_;
  const store::FrameCompressor& compressor_;
  const restore::Restorer* restorer_;
  doc::ReferenceLists refs_;
  bool force_;
  const FailureMemory& failures_;
};

// Hands the pages freed since the last call back to the system. A commit
// frees Xapian's buffered postings, tens of MB of small blocks allocated
// between long-lived ones (the restorer's option cache); glibc keeps such
// holes mapped, so without this the resident size creeps up with every
// commit of a long run (over 100 MB of pages, 182 MB of anonymous memory
// at most against 152 MB with it).
void release_freed_memory() {
#if defined(__GLIBC__)
  ::malloc_trim(0);
#endif
}

// Counts `o` in the stats, keeps it there when notable
// (IndexStats::notable), and tells the run's sink.
void record_outcome(const IndexOptions& options, IndexStats& stats, FileOutcome o) {
  ++stats.outcome_counts[static_cast<size_t>(o.outcome)];
  stats.damaged += o.damage.empty() ? 0 : 1;
  if (options.outcomes) options.outcomes->met(o);
  if (o.outcome == Outcome::kFailed || o.outcome == Outcome::kSkipped || !o.damage.empty())
    stats.notable.push_back(std::move(o));
}

// A record's frames back to back, as the sidecar holds them.
std::string joined(const store::RecordFrames& record) {
  std::string bytes;
  bytes.reserve(record.size());
  for (const std::string& frame : record.frames) bytes += frame;
  return bytes;
}

// The serial, in-order writer: owns the database and the sidecar file. With
// parts (write_into), it appends each record to the sidecar and leaves the
// Xapian document for the pipeline's last stage to add to a part.
class Writer {
 public:
  // `remote_ready`: each document carries its record too (schema::kSlotRecord).
  Writer(Xapian::WritableDatabase& db, store::SidecarWriter& sidecar, IndexStats& stats, const IndexOptions& o,
         bool remote_ready)
      : db_(db), sidecar_(sidecar), stats_(stats), options_(o), remote_ready_(remote_ready) {}

  // New documents go to `parts` from now on (REQUIRES: the index has none,
  // so that no document replaces one).
  void write_into(XapianParts* parts) { parts_ = parts; }

  void write(Work& w) {
    PreparedDocument& p = w.doc;
    stats_.bytes += p.bytes;
    switch (w.kind) {
      case Work::kFailed:
        stats_.errors.push_back({p.source.path, p.error});
        record_outcome(options_, stats_, {p.source.path, Outcome::kFailed, p.error, {}, w.known});
        stats_.known_failed += w.known ? 1 : 0;
        return;
      case Work::kUnchanged:
        record_outcome(options_, stats_, {p.source.path, Outcome::kUnchanged, {}});
        return;
      case Work::kIndex:
        break;
    }
    const store::SidecarLocation where = append(p.frames);
    p.document.set_data(store::encode_document_data({p.source.path, p.title, where, p.content_hash, p.chunk_starts}));
    if (remote_ready_) p.document.add_value(store::schema::kSlotRecord, joined(p.frames));
    stats_.documents++;
    stats_.sidecar_bytes += p.frames.size();
    FileOutcome outcome = outcome_of(w);
    outcome.damage = p.damage;
    record_outcome(options_, stats_, std::move(outcome));
    if (parts_) {
      w.into_part = true;
      w.ordinal = written_++;
      return;
    }
    db_.replace_document(p.id_term, p.document);
    uncommitted_bytes_ += p.bytes;
    if (++uncommitted_ >= options_.commit_every || uncommitted_bytes_ >= options_.commit_bytes) commit();
  }

  static FileOutcome outcome_of(const Work& w) {
    const std::string& path = w.doc.source.path;
    if (!w.repairs.empty()) return {path, Outcome::kRepaired, w.repairs};
    if (!w.copied_from.empty()) return {path, Outcome::kCopied, w.copied_from};
    return {path, w.replaces ? Outcome::kReplaced : Outcome::kAdded, {}};
  }

  void remove(const std::string& path) {
    db_.delete_document(store::schema::id_term(path));
    record_outcome(options_, stats_, {path, Outcome::kRemoved, {}});
    ++uncommitted_;
  }

  void set_metadata(const std::string_view key, const std::string& value) {
    db_.set_metadata(std::string(key), value);
    ++uncommitted_;
  }

  // Makes the frames appended so far durable. Thread-safe (parts call it).
  void sync_frames() {
    std::lock_guard<std::mutex> hold(sidecar_mutex_);
    sidecar_.sync();
  }

  // Sidecar first: the index must never point at frames not yet on disk.
  void commit() {
    if (uncommitted_ == 0) return;
    sync_frames();
    db_.commit();
    uncommitted_ = 0;
    uncommitted_bytes_ = 0;
    release_freed_memory();
  }

 private:
  store::SidecarLocation append(const store::RecordFrames& frames) {
    std::lock_guard<std::mutex> hold(sidecar_mutex_);
    return sidecar_.append(frames);
  }

  Xapian::WritableDatabase& db_;
  store::SidecarWriter& sidecar_;
  std::mutex sidecar_mutex_;  // appends (the writer) against syncs (parts committing)
  XapianParts* parts_ = nullptr;
  uint64_t written_ = 0;  // documents handed to parts
  IndexStats& stats_;
  const IndexOptions& options_;
  const bool remote_ready_;
  size_t uncommitted_ = 0;
  uint64_t uncommitted_bytes_ = 0;
};

// Puts every sidecar dictionary of the index that its metadata lacks into
// it, for remote readers (schema::dictionary_key).
void publish_dictionaries(const std::filesystem::path& db_dir, const Xapian::Database& db, Writer& writer) {
  for (const auto& e : std::filesystem::directory_iterator(store::schema::sidecar_dir(db_dir))) {
    const std::string name = e.path().filename().string();
    if (!name.starts_with("dict-") || !name.ends_with(".zdict")) continue;
    const std::string bytes = io::read_whole_file(e.path()).value_or("");
    const unsigned id = store::dictionary_id(bytes);
    if (id && name == store::dictionary_file_name(id) && db.get_metadata(store::schema::dictionary_key(id)).empty())
      writer.set_metadata(store::schema::dictionary_key(id), bytes);
  }
}

// Indexed paths under the directory inputs that this run did not find and
// that are gone.
std::vector<std::string> gone_paths(const IndexedState& state, const std::vector<std::string>& inputs,
                                    const std::vector<io::SourceEntry>& entries) {
  std::vector<std::string> roots;
  for (const auto& input : inputs) {
    const std::string p = io::normal_input_path(input);
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) roots.push_back(p);
  }
  std::unordered_set<std::string> seen;
  for (const auto& e : entries) seen.insert(e.path);
  std::vector<std::string> gone;
  for (const auto& [path, doc] : state.by_path()) {
    // Init-capture: clang (before 16) cannot capture a structured binding.
    if (seen.count(path) ||
        std::none_of(roots.begin(), roots.end(), [&path = path](const auto& r) { return io::lies_under(path, r); }))
      continue;
    // Gone: absent, or no longer a regular file (a symbolic link now
    // included: lstat). A path that cannot be looked at (permissions, I/O
    // errors) stays indexed.
    struct stat st {};
    const bool absent = ::lstat(path.c_str(), &st) != 0 && (errno == ENOENT || errno == ENOTDIR);
    if (absent || (st.st_mode != 0 && !S_ISREG(st.st_mode))) gone.push_back(path);
  }
  std::sort(gone.begin(), gone.end());
  return gone;
}

// Throws IndexInsideInputs when the index directory is an input directory,
// lies inside one, or holds an input: the archive tree and the index are
// kept apart. Paths are compared resolved, links included, as far as they
// exist.
void require_index_outside_inputs(const IndexOptions& options) {
  std::error_code ec;
  const std::string db = std::filesystem::weakly_canonical(std::filesystem::absolute(options.db), ec).string();
  for (const std::string& input : options.inputs) {
    const std::string in = std::filesystem::weakly_canonical(std::filesystem::absolute(input), ec).string();
    if (io::lies_under(db, in) || io::lies_under(in, db))
      throw IndexInsideInputs("the index " + options.db.string() + (io::lies_under(db, in) ? " lies inside the input " : " holds the input ") +
                              input + ": keep the index outside the archive tree (e.g. --db /var/lib/vnarchive/index)");
  }
}

// "shard 2/4" or "the whole archive".
std::string describe(const Shard& shard) {
  return shard.whole() ? "the whole archive" : "shard " + shard.encode();
}

// The walk's files and skipped names of `shard` (walk errors name inputs,
// and stay).
io::WalkResult shard_of_walk(io::WalkResult walk, const Shard& shard) {
  if (shard.whole()) return walk;
  std::erase_if(walk.entries, [&](const io::SourceEntry& e) { return !shard.holds(e.path); });
  std::erase_if(walk.skipped, [&](const io::FileError& e) { return !shard.holds(e.path); });
  return walk;
}

// What a run checked before writing anything (see run_index's contract).
struct Guards {
  BuildMode mode;            // this run's
  std::string indexed_mode;  // the index's, encoded; empty for a new (or empty) index
  std::vector<std::string> gone;  // what --prune removes

  bool remote_ready = false;       // records go into the index too (schema::kSlotRecord)
  bool becomes_remote_ready = false;  // the index is marked so at the end of a whole run

  bool switches_mode() const { return !indexed_mode.empty() && indexed_mode != mode.encode(); }
};

// Throws BuildModeMismatch or TooManyRemovals when the run must not go ahead.
Guards check_guards(const IndexOptions& options, const Xapian::Database& db, const IndexedState& state,
                    const std::vector<io::SourceEntry>& entries, const BuildMode& mode) {
  Guards g;
  g.mode = mode;
  const Shard indexed_shard = Shard::decode(db.get_metadata(std::string(store::schema::kShardKey)));
  if (db.get_doccount() && indexed_shard != options.shard)
    throw ShardMismatch("the index " + options.db.string() + " holds " + describe(indexed_shard) + ", and this run is " +
                        describe(options.shard) + ": index each shard into its own directory");
  // An index without documents takes any mode.
  if (db.get_doccount()) g.indexed_mode = db.get_metadata(std::string(store::schema::kBuildModeKey));
  if (!g.indexed_mode.empty() && !options.force) require_same_mode(options.db, BuildMode::decode(g.indexed_mode), g.mode);
  const bool indexed_remote_ready = !db.get_metadata(std::string(store::schema::kRemoteReadyKey)).empty();
  g.remote_ready = options.remote_ready || indexed_remote_ready;
  g.becomes_remote_ready = g.remote_ready && !indexed_remote_ready;
  if (g.becomes_remote_ready && db.get_doccount() && !options.force)
    throw RemoteReadyMismatch("the index " + options.db.string() +
                              " holds documents not built for remote serving: rebuild it with --remote-ready --force");
  if (options.prune) {
    g.gone = gone_paths(state, options.inputs, entries);
    check_removals(options.max_remove, g.gone.size(), state.by_path().size());
  }
  return g;
}

// Reads, prepares (in parallel) and writes (in order) the entries, until
// all are done or a stop is requested; with parts, the Xapian documents are
// added to them in parallel after that. Returns how many were reached.
size_t run_pipeline(const IndexOptions& options, const std::vector<io::SourceEntry>& entries,
                    const IndexedState& state, const FailureMemory& failures, const Preparer& prepare, Writer& writer,
                    XapianParts* parts, unsigned threads, ProgressSink* progress) {
  size_t next = 0;
  using Read = std::shared_ptr<std::pair<size_t, io::SourceBytes>>;
  tbb::parallel_pipeline(
      threads * 4,
      tbb::make_filter<void, Read>(tbb::filter_mode::serial_in_order,
                                   [&](tbb::flow_control& fc) -> Read {
                                     if (next == entries.size() || stop_requested(options.stop)) {
                                       fc.stop();
                                       return nullptr;
                                     }
                                     const size_t i = next++;
                                     return std::make_shared<std::pair<size_t, io::SourceBytes>>(
                                         i, failures.recall(entries[i]) ? io::SourceBytes{}
                                                                        : io::read_source(entries[i], options.max_file_size));
                                   }) &
          tbb::make_filter<Read, std::shared_ptr<Work>>(
              tbb::filter_mode::parallel,
              [&](Read in) {
                return std::make_shared<Work>(prepare(entries[in->first], std::move(in->second)));
              }) &
          tbb::make_filter<std::shared_ptr<Work>, std::shared_ptr<Work>>(
              tbb::filter_mode::serial_in_order,
              [&](std::shared_ptr<Work> w) {
                writer.write(*w);
                if (progress)
                  progress->advance(
                      {w->doc.source.size, state.find(w->doc.source.path) != nullptr, w->kind == Work::kUnchanged});
                return w;
              }) &
          tbb::make_filter<std::shared_ptr<Work>, void>(tbb::filter_mode::parallel, [&](std::shared_ptr<Work> w) {
            if (w->into_part) parts->add(w->doc.document, w->doc.bytes, w->ordinal);
          }));
  return next;
}

// How a run gets its OCR channel (see run_index).
struct ChannelPlan {
  std::string in_index;  // the id the index names (schema::kChannelKey); empty: none
  std::string reuse;     // the id to restore with when not adapting; empty: the models' own
  bool adapt = false;    // adapt now; the id is known only after
};

// Restoring with --no-adapt: the models' own channel. Otherwise the
// index's channel, or a new one adapted now when the index has none and
// no documents, or is rebuilt (--force) with its channel lost or adapted
// from other models. Adapting needs no documents or --force and the mode
// check documents and no --force, so a channel adapted now is never
// checked against the index's.
ChannelPlan plan_channel(const IndexOptions& options, const Xapian::Database& db, const std::string& run_models) {
  ChannelPlan p;
  p.in_index = stored_channel_id(db);
  if (!options.restore || !options.adapt) return p;
  const std::string indexed = db.get_metadata(std::string(store::schema::kBuildModeKey));
  const bool same_models = indexed.empty() || BuildMode::decode(indexed).models == run_models;
  if (options.force && (!channel_is_whole(options.db, p.in_index) || !same_models)) {
    p.adapt = true;
    return p;
  }
  p.reuse = p.in_index;
  p.adapt = p.in_index.empty() && db.get_doccount() == 0;
  return p;
}

// The restorer of the run (nullptr when not restoring), adapting the
// channel first when the plan says so; stats.channel and stats.adaptation
// say what it restores with.
std::unique_ptr<restore::Restorer> load_restorer(const IndexOptions& options, const std::filesystem::path& model_dir,
                                                 const std::string& models, const std::vector<io::SourceEntry>& entries,
                                                 const ChannelPlan& plan, IndexStats& stats, ProgressSink* progress) {
  if (!options.restore) return nullptr;
  std::unique_ptr<restore::Restorer> base = restore::Restorer::load(model_dir);
  stats.channel = plan.reuse;
  if (plan.adapt) {
    if (progress) progress->phase(Phase::kAdapting);
    stats.adaptation = adapt_archive_channel(options.db, *base, models, entries, options.max_file_size, options.stop);
    stats.channel = stats.adaptation.id;
  }
  if (stats.channel.empty()) return base;
  const std::filesystem::path file = store::schema::channel_file(options.db, stats.channel);
  if (!channel_is_whole(options.db, stats.channel))
    throw std::runtime_error("the index's adapted OCR channel " + file.string() +
                             " is missing or damaged (nothing was indexed; run with --force to adapt and restore "
                             "everything again)");
  return base->with_channel(restore::ChannelModel::load(file));
}

// See run_index: a whole run that wrote a tenth of the documents or more.
bool worth_compacting(const IndexOptions& options, const IndexStats& stats, Xapian::doccount documents) {
  return options.compact && !stats.stopped_by && stats.documents > 0 && stats.documents * 10 >= documents;
}

// Whether the run writes its Xapian documents in parts (index/xapian_parts.hpp):
// on an index without documents, with threads to share the writing, when
// the run may compact (the merge is a compaction).
bool writes_in_parts(const IndexOptions& options, const Xapian::Database& db, unsigned threads) {
  return threads > 1 && options.compact && db.get_doccount() == 0;
}

// Merges the run's parts into the index's database (the writer's handle
// closed): a compaction, which stats report as such. A failure throws:
// the parts stay, and the next run merges them (recover_parts).
void merge_after_run(const IndexOptions& options, IndexStats& stats) {
  stats.xapian_bytes_before_compaction = xapian_bytes(options.db) + bytes_under(store::schema::xapian_parts_dir(options.db));
  stats.compacted = merge_parts(options.db);
  stats.xapian_bytes_after_compaction = xapian_bytes(options.db);
}

// Compacts the Xapian database (the writer's handle closed). A failure
// leaves the committed index: it is reported, not thrown.
void compact_after_run(const IndexOptions& options, IndexStats& stats) {
  stats.xapian_bytes_before_compaction = xapian_bytes(options.db);
  try {
    stats.compacted = compact_xapian(options.db, options.stop);
    if (!stats.compacted) stats.stopped_by = options.stop->signal();  // abandoned: the live database untouched
  } catch (const std::exception& e) {
    stats.compaction_error = e.what();
  } catch (const Xapian::Error& e) {
    stats.compaction_error = e.get_description();
  }
  stats.xapian_bytes_after_compaction = xapian_bytes(options.db);
}

// What the indexing phase has ahead of it (index/progress.hpp).
ProgressPlan progress_plan(const IndexOptions& options, const std::vector<io::SourceEntry>& entries,
                           const IndexedState& state) {
  ProgressPlan plan{.files = entries.size(), .bytes = io::total_bytes(entries), .restoring = options.restore};
  if (options.force) return plan;  // every file is indexed again
  for (const io::SourceEntry& e : entries)
    if (state.find(e.path)) plan.indexed_bytes += e.size;
  return plan;
}

}  // namespace

IndexStats run_index(const IndexOptions& options, ProgressSink* progress) {
  const auto t0 = std::chrono::steady_clock::now();
  IndexStats stats;
  require_index_outside_inputs(options);
  if (progress) progress->phase(Phase::kWalking);
  WriterLock lock(options.db);
  tidy_interrupted_compaction(options.db);
  recover_parts(options.db);
  io::WalkResult walk = shard_of_walk(io::walk_inputs(options.inputs), options.shard);
  const std::vector<io::SourceEntry>& entries = walk.entries;
  stats.files = entries.size();
  stats.errors = std::move(walk.errors);
  const FailureMemory failures = FailureMemory::load(options);
  for (const auto& e : stats.errors) {
    const bool known = failures.recalls_walk_failure(e);
    stats.known_failed += known ? 1 : 0;
    record_outcome(options, stats, {e.path, Outcome::kFailed, e.reason, {}, known});
  }
  for (auto& s : walk.skipped) record_outcome(options, stats, {s.path, Outcome::kSkipped, s.reason});

  Xapian::WritableDatabase db(store::schema::xapian_dir(options.db).string(), Xapian::DB_CREATE_OR_OPEN);
  const IndexedState state = IndexedState::load(db);
  const std::filesystem::path model_dir = options.models.empty() ? restore::default_model_dir() : options.models;
  BuildMode mode = build_mode_of(options.restore, model_dir);
  const ChannelPlan channel = plan_channel(options, db, mode.models);
  mode.channel = channel.reuse;
  Guards guards = check_guards(options, db, state, entries, mode);
  store::SidecarWriter sidecar(store::schema::sidecar_dir(options.db), options.shard.sidecar_naming());
  const store::SidecarReader reader(store::schema::sidecar_dir(options.db));
  const unsigned threads = options.threads ? options.threads : static_cast<unsigned>(tbb::info::default_concurrency());
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, threads);
  std::string dictionary_decision;
  const auto compressor = choose_compressor(options, db, entries, sidecar, stats, dictionary_decision);
  if (progress) progress->phase(Phase::kLoadingModels);
  const std::unique_ptr<restore::Restorer> restorer =
      load_restorer(options, model_dir, mode.models, entries, channel, stats, progress);
  guards.mode.channel = stats.channel;  // changes only when adapting, which the mode check never sees (plan_channel)
  if (progress) progress->start(progress_plan(options, entries, state));

  Writer writer(db, sidecar, stats, options, guards.remote_ready);
  std::optional<XapianParts> parts;
  if (writes_in_parts(options, db, threads)) {
    // A part commits after a quarter of its share of the run's limits: the
    // smaller batches of Xapian's buffered postings stay in the caches
    // (`--no-restore --threads 2`: 10 MB of pages, CPU 6.3 -> 5.5 s and
    // peak RSS 75 -> 39 MB; 50 MB, the same wall time with 13 % less CPU).
    constexpr unsigned kSmallerBatches = 4;
    parts.emplace(options.db, threads, options.commit_every / (kSmallerBatches * threads),
                  options.commit_bytes / (kSmallerBatches * threads), [&writer] { writer.sync_frames(); });
    writer.write_into(&*parts);
  }
  if (guards.remote_ready) publish_dictionaries(options.db, db, writer);
  if (guards.becomes_remote_ready && db.get_doccount() == 0) {  // else once a whole run has rebuilt it (--force)
    writer.set_metadata(store::schema::kRemoteReadyKey, "1");
    guards.becomes_remote_ready = false;
  }
  if (!dictionary_decision.empty()) writer.set_metadata(store::schema::kDictionaryKey, dictionary_decision);
  // A new index takes this run's mode at once; a rebuild (--force) in
  // another mode only once every file has been through it.
  if (guards.indexed_mode.empty()) writer.set_metadata(store::schema::kBuildModeKey, guards.mode.encode());
  if (db.get_metadata(std::string(store::schema::kShardKey)) != options.shard.encode())  // a new index (see the guards)
    writer.set_metadata(store::schema::kShardKey, options.shard.encode());
  // The channel at once, even when the mode switches only at the end: a
  // rebuild stopped half-way then restores with it again, and a run
  // without --force is refused as the mixed index it is.
  if (stats.channel != channel.in_index) writer.set_metadata(store::schema::kChannelKey, stats.channel);
  // Parts carry no metadata: the index's is committed before any part is,
  // so that parts a killed run leaves are merged under it (recover_parts).
  if (parts) writer.commit();
  const ReferenceData refs = load_reference_lists(model_dir, restorer.get());
  const Preparer prepare(state, reader, *compressor, restorer.get(), refs.lists(), options.force, failures);
  const size_t reached =
      run_pipeline(options, entries, state, failures, prepare, writer, parts ? &*parts : nullptr, threads, progress);
  stats.stopped_by = options.stop ? options.stop->signal() : 0;
  stats.not_reached = entries.size() - reached;
  if (!stats.stopped_by) {  // a whole run
    if (progress && !guards.gone.empty()) progress->phase(Phase::kPruning);
    for (const std::string& path : guards.gone) writer.remove(path);
    if (guards.switches_mode()) writer.set_metadata(store::schema::kBuildModeKey, guards.mode.encode());
    if (guards.becomes_remote_ready) writer.set_metadata(store::schema::kRemoteReadyKey, "1");
  }
  if (progress) progress->phase(Phase::kCommitting);
  if (parts) parts->commit();
  writer.commit();
  const Xapian::doccount documents = db.get_doccount();
  db.close();
  failures.after(options, entries, stats).save(options.db);
  if (parts) {
    if (progress) progress->phase(Phase::kCompacting);
    merge_after_run(options, stats);
  } else if (worth_compacting(options, stats, documents)) {
    if (progress) progress->phase(Phase::kCompacting);
    compact_after_run(options, stats);
  }
  if (progress) progress->finish();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return stats;
}

}  // namespace vn::index
