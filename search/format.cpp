#include "search/format.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include "store/metadata_json.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "util/json.hpp"

namespace vn::search {
namespace {

std::string highlighted(const query::Snippet& s, bool colour) {
  if (!colour) return s.text;
  std::string out;
  size_t cursor = 0;
  for (const auto& [off, len] : s.matches) {
    out.append(s.text, cursor, off - cursor);
    out += "\x1b[1;31m";
    out.append(s.text, off, len);
    out += "\x1b[0m";
    cursor = off + len;
  }
  out.append(s.text, cursor);
  return out;
}

// "2025-06-12 · kết luận · 684-KL/TU": the date, type (lower case) and
// code the document has, terminal-safe; "" when it has none.
std::string facts(const doc::Metadata& m) {
  std::string out;
  for (const std::string& fact : {m.date, text::to_lower(m.type), m.code})
    if (!fact.empty()) out += (out.empty() ? "" : " · ") + text::printable(fact);
  return out;
}

template <typename Writer>
void write_hit(Writer& w, const query::Hit& h) {
  auto str = [&](const char* key, std::string_view value) { vn::util::put_string(w, key, value); };
  w.Key("rank"), w.Uint64(h.rank);
  w.Key("score"), w.Double(h.score);
  w.Key("copies"), w.Uint(h.copies);
  w.Key("approximate"), w.Bool(h.approximate);
  w.Key("docid"), w.Uint(h.docid);
  str("path", text::escape_invalid_utf8(h.path));
  str("title", h.title);
  str("snippet", h.snippet.text);
  w.Key("highlights");
  w.StartArray();
  for (const auto& [off, len] : h.snippet.matches) {
    w.StartArray();
    w.Uint64(off);
    w.Uint64(len);
    w.EndArray();
  }
  w.EndArray();
  if (!h.snippet_error.empty()) str("snippet_error", h.snippet_error);
  w.Key("metadata");
  store::write_metadata(w, h.metadata);
  w.Key("citations");
  store::write_citations(w, h.citations);
}

}  // namespace

void print_human(std::FILE* out, const query::SearchResult& r, bool colour) {
  const char* bold = colour ? "\x1b[1m" : "";
  const char* reset = colour ? "\x1b[0m" : "";
  size_t approximate = 0;
  for (const auto& h : r.hits) {
    if (h.approximate && approximate++ == 0)
      std::fprintf(out, "%sApproximate matches%s (one word of a phrase or of the words differs):\n\n", bold, reset);
    std::fprintf(out, "%zu. %s[%.3f] %s%s%s", h.rank, h.approximate ? "~ " : "", h.score, bold,
                 text::printable(h.path).c_str(), reset);
    if (const std::string f = facts(h.metadata); !f.empty()) std::fprintf(out, "  %s", f.c_str());
    if (h.copies > 0) std::fprintf(out, " (and %u identical cop%s: --all-copies lists them)", h.copies, h.copies == 1 ? "y" : "ies");
    std::fputc('\n', out);
    if (!h.title.empty()) std::fprintf(out, "   %s\n", h.title.c_str());
    if (!h.snippet_error.empty()) std::fprintf(out, "   (no snippet: %s)\n", h.snippet_error.c_str());
    else if (!h.snippet.text.empty()) std::fprintf(out, "   %s\n", highlighted(h.snippet, colour).c_str());
    std::fputc('\n', out);
  }
  std::fprintf(out, "%zu shown, about %u matching documents", r.hits.size(), r.estimated_total);
  if (approximate > 0) std::fprintf(out, ", then about %u approximate matches", r.approximate_total);
  std::fputc('\n', out);
  for (const auto& [name, values] : r.facets) {
    std::fprintf(out, "\n%s:\n", name.c_str());
    for (const auto& v : values) std::fprintf(out, "  %6u  %s\n", v.count, v.value.c_str());
  }
}

void print_human(std::FILE* out, const query::DocumentView& v) {
  const doc::Metadata& m = v.record.metadata;
  std::fprintf(out, "%s\n%s\n\n", text::printable(v.path).c_str(), v.title.c_str());
  const std::pair<const char*, const std::string*> fields[] = {
      {"type", &m.type},     {"number", &m.number}, {"code", &m.code},     {"place", &m.place},
      {"date", &m.date},     {"issuer", &m.issuer}, {"title", &m.title},   {"signer", &m.signer},
      {"position", &m.signer_position}, {"draft", &m.draft}};
  for (const auto& [name, value] : fields)
    if (!value->empty()) std::fprintf(out, "%-9s %s\n", name, value->c_str());
  if (!m.recipients.empty()) std::fprintf(out, "recipients:\n");
  for (const auto& r : m.recipients) std::fprintf(out, "  - %s\n", r.c_str());
  if (!m.outline.empty()) std::fprintf(out, "\noutline:\n");
  for (const auto& [heading, level] : m.outline)
    std::fprintf(out, "%*s%s\n", 2 * level, "", heading.c_str());
  std::fprintf(out, "\ncites (%zu):\n", v.cites.size());
  for (const auto& c : v.cites)
    std::fprintf(out, "  %s%s%s\n", c.key.c_str(), c.path.empty() ? "" : "  -> ", text::printable(c.path).c_str());
  std::fprintf(out, "\ncited by (%zu):\n", v.cited_by.size());
  for (const auto& c : v.cited_by) std::fprintf(out, "  %s  %s\n", text::printable(c.path).c_str(), c.title.c_str());
}

std::string to_json(const query::DocumentView& v) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  auto links = [&](const char* key, const std::vector<query::DocumentView::Link>& list) {
    w.Key(key);
    w.StartArray();
    for (const auto& l : list) {
      w.StartObject();
      if (!l.key.empty()) util::put_string(w, "key", l.key);
      util::put_string(w, "path", text::escape_invalid_utf8(l.path));
      util::put_string(w, "title", l.title);
      w.EndObject();
    }
    w.EndArray();
  };
  w.StartObject();
  util::put_string(w, "path", text::escape_invalid_utf8(v.path));
  util::put_string(w, "title", v.title);
  w.Key("metadata");
  store::write_metadata(w, v.record.metadata);
  w.Key("citations");
  store::write_citations(w, v.record.citations);
  links("cites", v.cites);
  links("cited_by", v.cited_by);
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

std::string to_json(const query::SearchRequest& req, const query::SearchResult& r) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  auto str = [&](const char* key, std::string_view value) { vn::util::put_string(w, key, value); };
  w.StartObject();
  str("query", req.query);
  w.Key("offset"), w.Uint64(req.offset);
  w.Key("limit"), w.Uint64(req.limit);
  w.Key("estimated_total"), w.Uint64(r.estimated_total);
  w.Key("approximate_total"), w.Uint64(r.approximate_total);
  str("restored_query", r.restored_query);
  w.Key("facets");
  w.StartObject();
  for (const auto& [name, values] : r.facets) {
    w.Key(name.c_str());
    w.StartArray();
    for (const auto& fv : values) {
      w.StartObject();
      str("value", fv.value);
      w.Key("count"), w.Uint(fv.count);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  w.Key("hits");
  w.StartArray();
  for (const auto& h : r.hits) {
    w.StartObject();
    write_hit(w, h);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace vn::search

namespace vn::search {

std::string hit_json(std::string_view query, const query::Hit& hit) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  util::put_string(w, "query", query);
  write_hit(w, hit);
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

void print_paths(std::FILE* out, const query::SearchResult& result, bool terminal) {
  for (const query::Hit& h : result.hits) {
    const std::string path = terminal ? text::printable(h.path) : h.path;
    std::fwrite(path.data(), 1, path.size(), out);
    std::fputc('\n', out);
  }
}

std::string error_json(std::string_view query, std::string_view error) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  util::put_string(w, "query", query);
  util::put_string(w, "error", error);
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace vn::search
