// vnindex extract: the metadata and citations indexing would store for
// each file (index::document_facts), as text or JSON Lines.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cstdio>
#include <optional>

#include "index/document_builder.hpp"
#include "indexer/commands.hpp"
#include "io/source_file.hpp"
#include "restore/restorer.hpp"
#include "store/metadata_json.hpp"
#include "text/utf8.hpp"
#include "util/json.hpp"

namespace vn::indexer {
namespace {

// Files are worked this many at a time, in parallel, and printed in order.
constexpr size_t kBatch = 64;

std::string json_line(const std::string& name, const index::DocumentFacts& f) {
  rapidjson::StringBuffer buf;
  store::JsonWriter w(buf);
  w.StartObject();
  util::put_string(w, "file", name);
  if (!f.ok) {
    util::put_string(w, "error", f.error);
  } else {
    if (!f.damage.empty()) util::put_string(w, "damage", f.damage);
    util::put_string(w, "title", f.title);
    w.Key("metadata");
    store::write_metadata(w, f.metadata);
    w.Key("citations");
    store::write_citations(w, f.citations);
  }
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

void field(std::string& out, const char* name, std::string_view value) {
  char head[32];
  std::snprintf(head, sizeof head, "  %-16s ", name);
  out += head;
  out += text::printable(value);
  out += '\n';
}

std::string text_block(const std::string& name, const index::DocumentFacts& f) {
  std::string out = text::printable(name) + "\n";
  if (!f.ok) {
    field(out, "error:", f.error);
    return out;
  }
  if (!f.damage.empty()) field(out, "damage:", f.damage);
  const doc::Metadata& m = f.metadata;
  field(out, "type:", m.type);
  field(out, "number:", m.number);
  field(out, "code:", m.code);
  field(out, "place:", m.place);
  field(out, "date:", m.date);
  field(out, "issuer:", m.issuer);
  field(out, "title:", m.title);
  field(out, "signer:", m.signer);
  field(out, "position:", m.signer_position);
  field(out, "draft:", m.draft);
  field(out, "recipients:", std::to_string(m.recipients.size()));
  for (const auto& r : m.recipients) out += "    - " + text::printable(r) + "\n";
  field(out, "outline:", std::to_string(m.outline.size()));
  for (const auto& [heading, level] : m.outline)
    out += std::string(2 + 2 * static_cast<size_t>(std::clamp(level, 1, 8)), ' ') + text::printable(heading) + "\n";
  field(out, "citations:", std::to_string(f.citations.size()));
  for (const auto& c : f.citations)
    out += "    " + text::printable(c.key) + (c.date.empty() ? "" : "  " + c.date) + "\n";
  return out;
}

}  // namespace

int run_extract(const ExtractCommand& c) {
  std::optional<tbb::global_control> parallelism;
  if (c.threads) parallelism.emplace(tbb::global_control::max_allowed_parallelism, c.threads);
  std::unique_ptr<restore::Restorer> restorer;
  if (c.restore) restorer = restore::Restorer::load(c.models, {}, c.channel);
  const index::ReferenceData refs = index::load_reference_lists(c.models, restorer.get());
  bool ok = true;
  for (size_t first = 0; first < c.files.size(); first += kBatch) {
    const size_t n = std::min(kBatch, c.files.size() - first);
    std::vector<std::string> out(n);
    std::vector<char> failed(n, 0);
    std::vector<std::string> errors(n);
    tbb::parallel_for(size_t{0}, n, [&](size_t i) {
      const std::string& name = c.files[first + i];
      io::SourceEntry entry;
      entry.path = name;
      index::DocumentFacts f = index::document_facts(entry, io::read_file(name, c.max_file_size), restorer.get(), refs.lists());
      failed[i] = !f.ok;
      out[i] = c.json ? json_line(name, f) : text_block(name, f);
      if (!f.ok) errors[i] = std::move(f.error);
    });
    for (size_t i = 0; i < n; ++i) {
      if (failed[i])
        std::fprintf(stderr, "vnindex extract: %s: %s\n", text::printable(c.files[first + i]).c_str(), errors[i].c_str());
      if (!c.json && first + i > 0) std::fputc('\n', stdout);
      std::fwrite(out[i].data(), 1, out[i].size(), stdout);
      ok &= !failed[i];
    }
    std::fflush(stdout);
  }
  return ok ? 0 : 1;
}

}  // namespace vn::indexer
