#include "indexer/report.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include "util/json.hpp"

namespace vn::indexer {
namespace {

double mb_per_s(const index::IndexStats& s) { return s.seconds > 0 ? static_cast<double>(s.bytes) / 1e6 / s.seconds : 0; }

}  // namespace

void print_summary(std::FILE* out, const index::IndexStats& s) {
  std::fprintf(out, "indexed %zu of %zu files, %.2f MB in %.2f s (%.2f MB/s, %.1f docs/s), %zu errors\n", s.documents,
               s.files, static_cast<double>(s.bytes) / 1e6, s.seconds, mb_per_s(s),
               s.seconds > 0 ? static_cast<double>(s.documents) / s.seconds : 0.0, s.errors.size());
  const auto& d = s.dictionary;
  if (d.trained)
    std::fprintf(out, "sidecar dictionary: %s (held-out records: %zu bytes with, %zu without)\n",
                 s.dictionary_used ? "used" : "not worth it", d.bytes_with, d.bytes_without);
}

std::string report_json(const index::IndexStats& s, const index::IndexOptions& o) {
  rapidjson::StringBuffer buf;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
  auto str = [&](const char* key, std::string_view value) { vn::util::put_string(w, key, value); };
  w.StartObject();
  str("db", o.db.string());
  w.Key("files"), w.Uint64(s.files);
  w.Key("documents"), w.Uint64(s.documents);
  w.Key("bytes"), w.Uint64(s.bytes);
  w.Key("sidecar_bytes"), w.Uint64(s.sidecar_bytes);
  w.Key("seconds"), w.Double(s.seconds);
  w.Key("mb_per_s"), w.Double(mb_per_s(s));
  w.Key("docs_per_s"), w.Double(s.seconds > 0 ? static_cast<double>(s.documents) / s.seconds : 0.0);
  w.Key("dictionary");
  w.StartObject();
  w.Key("trained"), w.Bool(s.dictionary.trained);
  w.Key("used"), w.Bool(s.dictionary_used);
  w.Key("samples"), w.Uint64(s.dictionary.samples);
  w.Key("held_out_bytes_with"), w.Uint64(s.dictionary.bytes_with);
  w.Key("held_out_bytes_without"), w.Uint64(s.dictionary.bytes_without);
  w.Key("dictionary_bytes"), w.Uint64(s.dictionary.dictionary.size());
  w.EndObject();
  w.Key("errors");
  w.StartArray();
  for (const auto& e : s.errors) {
    w.StartObject();
    str("path", e.path);
    str("reason", e.reason);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace vn::indexer
