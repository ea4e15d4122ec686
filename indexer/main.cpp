// vnindex: builds and maintains a vnarchive index. Argument handling only;
// the work is in common/.
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>

#include "index/compact.hpp"
#include "index/merge.hpp"
#include "index/pipeline.hpp"
#include "index/stop_request.hpp"
#include "index/verify.hpp"
#include "index/writer_lock.hpp"
#include "store/schema.hpp"
#include "text/utf8.hpp"
#include "indexer/commands.hpp"
#include "indexer/progress.hpp"
#include "indexer/report.hpp"
#include "restore/restorer.hpp"
#include "version/version.hpp"

namespace {

// Asked to stop by a signal (SIGINT, SIGTERM, SIGHUP); see index/stop_request.hpp.
vn::index::StopRequest g_stop;

const char* signal_name(int signal_number) {
  switch (signal_number) {
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
    case SIGHUP: return "SIGHUP";
  }
  return "a signal";
}

// Whether the report can be written (creating it, empty, if need be), so
// that a bad --report path fails the run before the index changes.
bool report_writable(const std::string& report_path) {
  if (report_path == "-") return true;  // standard output
  const int fd = ::open(report_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) {
    std::fprintf(stderr, "vnindex: cannot write report %s: %s (nothing was indexed)\n",
                 vn::text::printable(report_path).c_str(), std::strerror(errno));
    return false;
  }
  ::close(fd);
  return true;
}

// An option whose value T::parse reads; what it throws as
// std::invalid_argument is a usage error naming the option.
template <class T>
CLI::Option* add_parsed_option(CLI::App* app, const std::string& name, T& target, const std::string& help) {
  return app->add_option_function<std::string>(
      name,
      [&target, name](const std::string& value) {
        try {
          target = T::parse(value);
        } catch (const std::invalid_argument& e) {
          throw CLI::ValidationError(name, e.what());
        }
      },
      help);
}

// TERM=dumb: a terminal that cannot be relied on to redraw a line.
bool dumb_terminal() {
  const char* term = std::getenv("TERM");
  return term && std::string_view(term) == "dumb";
}

// A mistake in the command line that the parser cannot see: exit 2.
int usage_error(const char* message) {
  std::fprintf(stderr, "%s\n", message);
  return 2;
}

// The message for a first argument that names no subcommand ("vnindex
// frobnicate"), else "": CLI11 would say only that a subcommand is required.
std::string unknown_subcommand(CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return "";
  std::string names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_name() == argv[1]) return "";
    names += (names.empty() ? "" : ", ") + sub->get_name();
  }
  return "vnindex: unknown subcommand '" + vn::text::printable(argv[1]) + "' (the subcommands are " + names +
         "; see vnindex --help)";
}

int run_index_command(vn::index::IndexOptions options, const std::string& report_path, bool quiet) {
  if (!report_path.empty() && !report_writable(report_path)) return 2;
  std::unique_ptr<vn::indexer::Report> report;
  if (!report_path.empty()) options.outcomes = (report = std::make_unique<vn::indexer::Report>()).get();
  vn::indexer::TerminalProgress progress(stderr, STDERR_FILENO);
  const bool show_progress = !quiet && ::isatty(STDERR_FILENO) && !dumb_terminal();
  const vn::index::IndexStats stats = vn::index::run_index(options, show_progress ? &progress : nullptr);
  for (const auto& f : stats.notable)
    if (f.outcome == vn::index::Outcome::kFailed && !f.known)
      std::fprintf(stderr, "vnindex: %s: %s\n", vn::text::printable(f.path).c_str(), f.detail.c_str());
  if (!quiet && stats.known_failed)
    std::fprintf(stderr, "vnindex: %zu files failed before and are unchanged (not read again; --retry-failed to retry)\n",
                 stats.known_failed);
  for (const auto& f : stats.adaptation.left_out)
    std::fprintf(stderr, "vnindex: %s: left out of adapting the OCR channel: %s\n", vn::text::printable(f.path).c_str(),
                 f.reason.c_str());
  for (const auto& f : stats.notable)
    if (!f.damage.empty())
      std::fprintf(stderr, "vnindex: %s: indexed with damage: %s\n", vn::text::printable(f.path).c_str(), f.damage.c_str());
  if (!quiet)
    for (const auto& f : stats.notable)
      if (f.outcome == vn::index::Outcome::kSkipped) std::fprintf(stderr, "vnindex: %s: %s\n", vn::text::printable(f.path).c_str(), f.detail.c_str());
  if (!quiet) vn::indexer::print_summary(report_path == "-" ? stderr : stdout, stats);  // stdout: the report alone
  if (stats.stopped_by)
    std::fprintf(stderr, "vnindex: stopped by %s: what was done is committed, %zu files not reached%s; run again to finish\n",
                 signal_name(stats.stopped_by), stats.not_reached, options.prune ? ", nothing pruned" : "");
  if (report) {
    if (!report->write(report_path, stats, options)) {
      std::fprintf(stderr, "vnindex: cannot write report %s\n", report_path.c_str());
      return 2;
    }
  }
  if (stats.stopped_by) return vn::index::exit_status_for_signal(stats.stopped_by);
  return stats.errors.size() > stats.known_failed ? 1 : 0;  // a new failure; known ones alone give 0
}

int run_verify_command(const std::filesystem::path& db) {
  const vn::index::VerifyReport r = vn::index::verify_index(db);
  for (const auto& p : r.problems) std::fprintf(stderr, "vnindex verify: %s\n", vn::text::printable(p).c_str());
  if (r.problem_count > r.problems.size())
    std::fprintf(stderr, "vnindex verify: ... and %zu more\n", r.problem_count - r.problems.size());
  if (const std::string advice = vn::index::repair_advice(r); !advice.empty())
    std::fprintf(stderr, "vnindex verify: to repair: %s\n", advice.c_str());
  if (r.unmerged_parts)
    std::fprintf(stderr, "vnindex verify: a first run was stopped before merging its documents into the index "
                         "(%s): the next vnindex index merges them\n",
                 vn::store::schema::xapian_parts_dir(db).c_str());
  std::printf("%s: %zu documents, %zu sidecar records checked, %zu problems\n", db.c_str(), r.documents, r.records,
              r.problem_count);
  return r.ok() ? 0 : 1;
}

int run_compact_command(const std::filesystem::path& db) {
  const vn::index::CompactStats s = vn::index::compact_index(db, &g_stop);
  std::printf("%s: %zu documents; sidecar %.2f -> %.2f MB (%zu records moved, %zu files removed); "
              "xapian %.2f -> %.2f MB; %.2f s\n",
              db.c_str(), s.documents, s.sidecar_bytes_before / 1e6, s.sidecar_bytes_after / 1e6, s.records_moved,
              s.sidecar_files_removed, s.xapian_bytes_before / 1e6, s.xapian_bytes_after / 1e6, s.seconds);
  if (s.stopped_by) {
    std::fprintf(stderr, "vnindex: compaction stopped by %s: the index is consistent; run compact again to finish\n",
                 signal_name(s.stopped_by));
    return vn::index::exit_status_for_signal(s.stopped_by);
  }
  return 0;
}

int run_merge_command(const std::filesystem::path& out, const std::vector<std::filesystem::path>& shards) {
  const vn::index::MergeStats s = vn::index::merge_indexes(out, shards, &g_stop);
  if (s.stopped_by) {
    std::fprintf(stderr, "vnindex: merge stopped by %s: nothing was written at %s, the indexes are as they were\n",
                 signal_name(s.stopped_by), out.c_str());
    return vn::index::exit_status_for_signal(s.stopped_by);
  }
  std::printf("%s: merged %zu indexes: %zu documents; sidecar %.2f MB (%zu files linked, %zu copied), xapian %.2f MB; "
              "%.2f s\n",
              out.c_str(), s.shards, s.documents, s.sidecar_bytes / 1e6, s.files_linked, s.files_copied,
              s.xapian_bytes / 1e6, s.seconds);
  if (!s.partial_shards.empty())
    std::fprintf(stderr, "vnindex merge: note: the indexes merged hold %s, not every shard of one set; the merged "
                 "index is taken as the whole archive, so a plain vnindex index over it adds the files of the "
                 "shards left out\n", s.partial_shards.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"vnindex: index archives of OCR'd Vietnamese documents"};
  app.require_subcommand(1);
  app.set_version_flag("--version", [] { return vn::version::version_text("vnindex"); });

  vn::index::IndexOptions options;
  std::string report_path;
  bool quiet = false;
  auto* index = app.add_subcommand("index", "index files and directory trees (*.txt, *.txt.zst)");
  index->add_option("--db", options.db, "index directory (created when absent)")->required();
  index->add_option("inputs", options.inputs, "files or directories to index")->required();
  index->add_option("--threads", options.threads, "worker threads (default: all cores)");
  index->add_option("--max-file-size", options.max_file_size, "largest file accepted, in bytes (after decompression)");
  index->add_option("--zstd-level", options.zstd_level, "zstd level for sidecar records (default 9)")->check(CLI::Range(1, 19));
  index->add_flag("!--no-dictionary", options.dictionary, "never train a zstd dictionary for the sidecar");
  index->add_option("--report", report_path, "write a JSON report of the run to this file (- for standard output)");
  index->add_flag("!--no-restore", options.restore, "index the text as it is, without restoring it");
  index->add_flag("!--no-compact", options.compact,
                  "do not compact the Xapian database after a run that wrote a tenth of the index or more");
  index->add_flag("!--no-adapt", options.adapt,
                  "restore with the models' own OCR channel; by default the first run over an index adapts it to the "
                  "archive (see vnindex adapt) and later runs reuse it");
  index->add_option("--models", options.models, "restoration model directory (default: the shipped models/)");
  index->add_flag("-q,--quiet", quiet, "no progress bar and no summary");
  index->add_flag("--prune", options.prune, "remove documents whose files are gone from the input directories");
  add_parsed_option(index, "--max-remove", options.max_remove,
                    "with --prune: remove at most N documents, or P% of the index, else refuse the run "
                    "(default: 5%, at least 20)")
      ->type_name("N|P%");
  add_parsed_option(index, "--shard", options.shard,
                    "index only shard K of N of the archive (by the hash of each file's path), into an index of its "
                    "own; search the shards together (vnsearch --db A --db B, or a stub file) or merge them "
                    "(vnindex merge)")
      ->type_name("K/N");
  index->add_flag("--remote-ready", options.remote_ready,
                  "store each document's record in the Xapian database too, so that vnsearch can show hits from "
                  "it behind xapian-tcpsrv (kept by later runs)");
  index->add_flag("--retry-failed", options.retry_failed,
                  "read again the files that failed before and are unchanged (by default their failure is recalled)");
  index->add_flag("--force", options.force,
                  "index every file again, changed or not (after new models, or switching --no-restore)");
  index->add_option("--commit-every", options.commit_every, "documents between commits (crash-safe points)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();

  std::filesystem::path maintained_db;
  auto* verify = app.add_subcommand("verify", "check an index for consistency; exit status 1 on any problem");
  verify->add_option("--db", maintained_db, "index directory")->required();
  auto* compact = app.add_subcommand("compact", "reclaim the space of replaced and removed documents");
  compact->add_option("--db", maintained_db, "index directory")->required();

  std::filesystem::path merged_db;
  std::vector<std::filesystem::path> merged_shards;
  auto* merge = app.add_subcommand(
      "merge", "merge indexes (the shards of vnindex index --shard K/N) into one new index; they stay as they are");
  merge->add_option("--db", merged_db, "the merged index to create (must not exist, or be an empty directory)")
      ->required();
  merge->add_option("shards", merged_shards, "the indexes to merge")->required();

  vn::indexer::RestoreCommand restore_cmd;
  restore_cmd.models = vn::restore::default_model_dir();
  auto* restore = app.add_subcommand("restore", "restore OCR'd Vietnamese text (files or stdin) to stdout");
  restore->add_option("files", restore_cmd.files, "files to restore (default: standard input)");
  restore->add_option("--models", restore_cmd.models, "model directory")->capture_default_str();
  restore->add_flag("--json", restore_cmd.json,
                    "print every token: original, restored, confidence, byte offsets (into the decoded NFC text)");
  restore->add_option("--threads", restore_cmd.threads, "worker threads (default: all cores)");
  restore->add_option("--beam", restore_cmd.options.decoder.beam, "decoder hypotheses per position")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  restore->add_option("--beam-width", restore_cmd.options.decoder.beam_width, "log10 units below the best hypothesis still explored")
      ->capture_default_str();
  restore->add_option("--option-gap", restore_cmd.options.option_gap, "drop readings this far (log10) behind the best")
      ->capture_default_str();
  restore->add_option("--keep-number-log-prob", restore_cmd.options.keep_number_log_prob,
                      "channel log10 P of keeping a one- or two-digit number")
      ->capture_default_str();
  restore->add_option("--candidates", restore_cmd.options.candidates, "candidate syllables per token")->capture_default_str();
  restore->add_option("--channel-weight", restore_cmd.options.decoder.channel_weight, "weight of the OCR channel against the LM")
      ->capture_default_str();
  restore->add_option("--keep-log-prob", restore_cmd.options.keep_log_prob,
                      "channel log10 P of keeping a non-syllable token")
      ->capture_default_str();
  restore->add_option("--keep-foreign-name-log-prob", restore_cmd.options.keep_foreign_name_log_prob,
                      "the same for one shaped like a foreign name (Haiti)")
      ->capture_default_str();
  restore->add_option("--inside-word-log-prob", restore_cmd.options.inside_word_log_prob,
                      "a capital after a small-letter syllable it follows this surely (log10 bigram) is written small")
      ->capture_default_str();

  restore->add_option("--channel", restore_cmd.channel, "OCR channel file to restore with (from vnindex adapt)")
      ->check(CLI::ExistingFile);

  vn::indexer::ExtractCommand extract_cmd;
  extract_cmd.models = vn::restore::default_model_dir();
  auto* extract = app.add_subcommand(
      "extract", "print the metadata and citations indexing would store for each file (restored first, as indexing does)");
  extract->add_option("files", extract_cmd.files, "files to read (*.txt, *.txt.zst)")->required();
  extract->add_flag("--json", extract_cmd.json, "JSON Lines: file, title, metadata, citations (or error)");
  extract->add_flag("!--no-restore", extract_cmd.restore, "read the text as it is, as index --no-restore does");
  extract->add_option("--models", extract_cmd.models, "model directory")->capture_default_str();
  extract->add_option("--channel", extract_cmd.channel, "OCR channel file to restore with (from vnindex adapt)")
      ->check(CLI::ExistingFile);
  extract->add_option("--threads", extract_cmd.threads, "worker threads (default: all cores)");
  extract->add_option("--max-file-size", extract_cmd.max_file_size, "largest file accepted, in bytes (after decompression)");

  vn::indexer::AdaptCommand adapt_cmd;
  adapt_cmd.models = vn::restore::default_model_dir();
  auto* adapt = app.add_subcommand(
      "adapt", "learn the OCR damage of an archive from its own text (no clean text needed) and write the channel");
  adapt->add_option("inputs", adapt_cmd.inputs, "files or directories to learn from");
  adapt->add_option("--out", adapt_cmd.out, "write the adapted channel to this file");
  adapt->add_flag("--explain", adapt_cmd.explain, "print the confusions learned (top 20)");
  adapt->add_option("--channel", adapt_cmd.channel, "without inputs: an adapted channel to explain")
      ->check(CLI::ExistingFile);
  adapt->add_option("--db", adapt_cmd.db,
                    "without inputs: adapt this index's channel anew from the originals it holds (then index --force)");
  adapt->add_option("--models", adapt_cmd.models, "model directory")->capture_default_str();
  adapt->add_option("--threads", adapt_cmd.threads, "worker threads (default: all cores)");
  adapt->add_option("--max-bytes", adapt_cmd.max_bytes, "text to learn from, spread over the inputs")
      ->capture_default_str();
  adapt->add_option("--rounds", adapt_cmd.adaptation.max_rounds, "most decode-and-count rounds")->capture_default_str();
  adapt->add_option("--min-confidence", adapt_cmd.adaptation.min_confidence, "readings less sure are not counted")
      ->capture_default_str();
  adapt->add_option("--prior-share", adapt_cmd.adaptation.prior_share,
                    "weight of the prior (unseen damage) in each letter's emission estimate, per count of the letter")
      ->check(CLI::Range(0.0, vn::restore::kMaxPriorShare))
      ->capture_default_str();
  adapt->add_option("--char-weight", adapt_cmd.adaptation.prior.char_weight,
                    "archive emissions per character that weigh as much as the shipped channel")
      ->capture_default_str();
  adapt->add_option("--min-new-pair", adapt_cmd.adaptation.prior.min_new_pair,
                    "least count of a token reading the shipped table lacks for it to be learned")
      ->capture_default_str();
  adapt->add_option("--token-weight", adapt_cmd.adaptation.prior.token_weight,
                    "archive tokens per syllable that weigh as much as the shipped token table")
      ->capture_default_str();

  vn::restore::TrainOptions train_opts;
  std::vector<std::string> pair_files;
  auto* train = app.add_subcommand("train-model", "build the restoration models (see scripts/train-model)");
  train->add_option("--corpus", train_opts.corpus_dir, "clean corpus directory (*.txt.zst)")->required();
  train->add_option("--pairs", pair_files, "OCR pair files (*.jsonl.zst)")->required();
  train->add_option("--out", train_opts.out_dir, "where to write the models")->required();
  train->add_option("--lexicon-min-count", train_opts.lexicon_min_count, "least corpus count of a lexicon syllable");
  train->add_option("--channel-min-count", train_opts.channel_min_count, "least count of a saved token pair");
  train->add_option("--lm-min-count", train_opts.lm.min_count_top, "least count of a kept trigram (1: keep all)");

  if (const std::string unknown = unknown_subcommand(app, argc, argv); !unknown.empty())
    return usage_error(unknown.c_str());
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {  // --help and --version exit 0; usage errors 2, as the README says
    const int printed = app.exit(e);
    return printed == 0 ? 0 : 2;
  }
  options.stop = &g_stop;
  if (*index || *compact || *merge || *adapt) vn::index::stop_on_signals(g_stop);
  adapt_cmd.stop = &g_stop;
  auto db_of_command = [&] { return (*index ? options.db : *merge ? merged_db : maintained_db).string(); };
  try {
    if (*index) return run_index_command(options, report_path, quiet);
    if (*verify) return run_verify_command(maintained_db);
    if (*compact) return run_compact_command(maintained_db);
    if (*merge) return run_merge_command(merged_db, merged_shards);
    if (*restore) return vn::indexer::run_restore(restore_cmd);
    if (*extract) return vn::indexer::run_extract(extract_cmd);
    if (*adapt) {
      const int uses = !adapt_cmd.inputs.empty() + !adapt_cmd.channel.empty() + !adapt_cmd.db.empty();
      if (uses != 1)
        return usage_error("vnindex adapt: give files or directories to learn from, or --db INDEX, or "
                           "--explain --channel FILE (one of them)");
      if (!adapt_cmd.channel.empty() && !adapt_cmd.explain)
        return usage_error("vnindex adapt: --channel FILE is for --explain");
      if (!adapt_cmd.inputs.empty() && adapt_cmd.out.empty() && !adapt_cmd.explain)
        return usage_error("vnindex adapt: say where to write the channel (--out FILE), or --explain");
      return vn::indexer::run_adapt(adapt_cmd);
    }
    if (*train) {
      train_opts.pair_files.assign(pair_files.begin(), pair_files.end());
      return vn::indexer::run_train(train_opts);
    }
  } catch (const vn::index::MergeRefused& e) {
    std::fprintf(stderr, "vnindex merge: %s\n", e.what());
  } catch (const vn::index::IndexBusy& e) {
    std::fprintf(stderr, "vnindex: %s\n", e.what());
  } catch (const Xapian::DatabaseLockError& e) {
    std::fprintf(stderr, "vnindex: the index %s is in use by another writer (%s)\n", db_of_command().c_str(),
                 e.get_msg().c_str());
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "vnindex: index %s: %s\n", db_of_command().c_str(), e.get_description().c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "vnindex: %s\n", e.what());
  }
  return 2;
}
