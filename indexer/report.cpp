#include "indexer/report.hpp"

#include <rapidjson/filewritestream.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cerrno>
#include <system_error>

#include "text/utf8.hpp"
#include "util/json.hpp"

namespace vn::indexer {
namespace {

double mb_per_s(const index::IndexStats& s) { return s.seconds > 0 ? static_cast<double>(s.bytes) / 1e6 / s.seconds : 0; }

// One outcome as the report lists it.
template <class JsonWriter>
void put_outcome(JsonWriter& w, const index::FileOutcome& f) {
  auto str = [&](const char* key, std::string_view value) { vn::util::put_string(w, key, value); };
  w.StartObject();
  str("path", text::escape_invalid_utf8(f.path));
  str("outcome", index::outcome_name(f.outcome));
  if (f.outcome == index::Outcome::kCopied) str("from", text::escape_invalid_utf8(f.detail));
  else if (!f.detail.empty()) str("reason", f.detail);
  if (!f.damage.empty()) str("damage", f.damage);
  if (f.known) w.Key("known"), w.Bool(true);
  w.EndObject();
}

}  // namespace

void print_summary(std::FILE* out, const index::IndexStats& s) {
  using index::Outcome;
  std::fprintf(out,
               "%zu files: %zu added, %zu replaced, %zu copied, %zu unchanged, %zu repaired, %zu removed, %zu failed "
               "(%zu known), %zu skipped\n"
               "read %.2f MB in %.2f s (%.2f MB/s, %.1f files/s)\n",
               s.files, s.count(Outcome::kAdded), s.count(Outcome::kReplaced), s.count(Outcome::kCopied),
               s.count(Outcome::kUnchanged), s.count(Outcome::kRepaired), s.count(Outcome::kRemoved), s.errors.size(),
               s.known_failed, s.count(Outcome::kSkipped), static_cast<double>(s.bytes) / 1e6, s.seconds,
               mb_per_s(s), s.seconds > 0 ? static_cast<double>(s.files) / s.seconds : 0.0);
  if (const size_t n = s.damaged) std::fprintf(out, "%zu files indexed with damage (the parts that are not text)\n", n);
  if (!s.dictionary_lost.empty()) std::fprintf(out, "%s\n", s.dictionary_lost.c_str());
  const auto& d = s.dictionary;
  if (d.trained)
    std::fprintf(out, "sidecar dictionary: %s (held-out records: %zu bytes with, %zu without)\n",
                 d.pays_off ? "used" : "not worth it", d.bytes_with, d.bytes_without);
  const auto& a = s.adaptation;
  if (a.texts > 0)
    std::fprintf(out, "OCR channel %s from %zu files (%.2f MB) in %zu rounds, %.1f s\n",
                 !a.id.empty()      ? "adapted to the archive"
                 : s.stopped_by     ? "not adapted (stopped): the models' own,"
                 : a.rounds == 0    ? "not adapted (too little text): the models' own,"
                                    : "not adapted (no round helped): the models' own,",
                 a.texts, static_cast<double>(a.bytes) / 1e6, a.rounds, a.seconds);
  if (s.compacted)
    std::fprintf(out, "xapian database compacted: %.2f -> %.2f MB\n", s.xapian_bytes_before_compaction / 1e6,
                 s.xapian_bytes_after_compaction / 1e6);
  if (!s.compaction_error.empty())
    std::fprintf(out, "xapian database not compacted (the index is whole): %s\n", s.compaction_error.c_str());
}

Report::Report() : spool_(std::tmpfile()) {
  if (!spool_) throw std::system_error(errno, std::generic_category(), "cannot make a temporary file for the report");
}

Report::~Report() { std::fclose(spool_); }

void Report::met(const index::FileOutcome& outcome) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  put_outcome(w, outcome);
  std::fwrite(buf.GetString(), 1, buf.GetSize(), spool_);
  std::fputc('\n', spool_);
}

bool Report::write(const std::string& path, const index::IndexStats& s, const index::IndexOptions& o) {
  const bool to_stdout = path == "-";
  std::FILE* out = to_stdout ? stdout : std::fopen(path.c_str(), "w");
  if (!out) return false;
  char buffer[1 << 16];
  rapidjson::FileWriteStream stream(out, buffer, sizeof buffer);
  rapidjson::PrettyWriter<rapidjson::FileWriteStream> w(stream);
  auto str = [&](const char* key, std::string_view value) { vn::util::put_string(w, key, value); };
  w.StartObject();
  str("db", o.db.string());
  w.Key("files"), w.Uint64(s.files);
  w.Key("documents"), w.Uint64(s.documents);  // written: added, replaced or copied
  w.Key("bytes"), w.Uint64(s.bytes);
  w.Key("sidecar_bytes"), w.Uint64(s.sidecar_bytes);
  w.Key("seconds"), w.Double(s.seconds);
  w.Key("mb_per_s"), w.Double(mb_per_s(s));
  w.Key("docs_per_s"), w.Double(s.seconds > 0 ? static_cast<double>(s.documents) / s.seconds : 0.0);
  w.Key("stopped_by_signal"), w.Int(s.stopped_by);  // 0: the run was not stopped early
  w.Key("not_reached"), w.Uint64(s.not_reached);    // files found but not looked at (stopped early)
  w.Key("dictionary");
  w.StartObject();
  w.Key("trained"), w.Bool(s.dictionary.trained);
  w.Key("used"), w.Bool(s.dictionary_used);
  w.Key("samples"), w.Uint64(s.dictionary.samples);
  w.Key("held_out_bytes_with"), w.Uint64(s.dictionary.bytes_with);
  w.Key("held_out_bytes_without"), w.Uint64(s.dictionary.bytes_without);
  w.Key("dictionary_bytes"), w.Uint64(s.dictionary.dictionary.size());
  if (!s.dictionary_lost.empty()) str("lost", s.dictionary_lost);
  w.EndObject();
  w.Key("channel");  // the OCR channel restored with (index/archive_channel.hpp)
  w.StartObject();
  str("id", s.channel);  // empty: the models' own
  w.Key("adapted_now"), w.Bool(!s.adaptation.id.empty());
  w.Key("adaptation_files"), w.Uint64(s.adaptation.texts);
  w.Key("adaptation_bytes"), w.Uint64(s.adaptation.bytes);
  w.Key("adaptation_rounds"), w.Uint64(s.adaptation.rounds);
  w.Key("adaptation_seconds"), w.Double(s.adaptation.seconds);
  w.EndObject();
  w.Key("xapian_compaction");  // after a run that wrote much of the index (index::run_index)
  w.StartObject();
  w.Key("done"), w.Bool(s.compacted);
  w.Key("bytes_before"), w.Uint64(s.xapian_bytes_before_compaction);
  w.Key("bytes_after"), w.Uint64(s.xapian_bytes_after_compaction);
  if (!s.compaction_error.empty()) str("error", s.compaction_error);
  w.EndObject();
  for (auto o : {index::Outcome::kAdded, index::Outcome::kReplaced, index::Outcome::kCopied, index::Outcome::kUnchanged,
                 index::Outcome::kRepaired, index::Outcome::kRemoved, index::Outcome::kFailed, index::Outcome::kSkipped})
    w.Key(index::outcome_name(o)), w.Uint64(s.count(o));
  w.Key("known_failed"), w.Uint64(s.known_failed);  // of the failed: failed before, unchanged, not read again
  w.Key("damaged"), w.Uint64(s.damaged);  // indexed, with parts that are not text
  w.Key("errors");  // the failed files, for scripts that want only those
  w.StartArray();
  for (const auto& f : s.notable) {
    if (f.outcome != index::Outcome::kFailed) continue;
    w.StartObject();
    str("path", text::escape_invalid_utf8(f.path));
    str("reason", f.detail);
    if (f.known) w.Key("known"), w.Bool(true);
    w.EndObject();
  }
  w.EndArray();
  w.Key("outcomes");  // every file met, with what happened to it
  w.StartArray();
  const bool spooled = std::fflush(spool_) == 0 && !std::ferror(spool_);
  std::rewind(spool_);
  std::string line;
  for (int c; (c = std::fgetc(spool_)) != EOF;) {
    if (c != '\n') {
      line.push_back(static_cast<char>(c));
      continue;
    }
    w.RawValue(line.data(), line.size(), rapidjson::kObjectType);
    line.clear();
  }
  const bool spool_read = spooled && !std::ferror(spool_);
  w.EndArray();
  w.EndObject();
  stream.Put('\n');
  stream.Flush();
  const bool written = !std::ferror(out);
  const bool closed = to_stdout ? std::fflush(out) == 0 : std::fclose(out) == 0;
  return closed && written && spool_read;
}

}  // namespace vn::indexer
