#include "search/format.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
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

}  // namespace

void print_human(std::FILE* out, const query::SearchResult& r, bool colour) {
  const char* bold = colour ? "\x1b[1m" : "";
  const char* reset = colour ? "\x1b[0m" : "";
  for (const auto& h : r.hits) {
    std::fprintf(out, "%zu. [%.3f] %s%s%s\n", h.rank, h.score, bold, h.path.c_str(), reset);
    if (!h.title.empty()) std::fprintf(out, "   %s\n", h.title.c_str());
    if (!h.snippet_error.empty()) std::fprintf(out, "   (no snippet: %s)\n", h.snippet_error.c_str());
    else if (!h.snippet.text.empty()) std::fprintf(out, "   %s\n", highlighted(h.snippet, colour).c_str());
    std::fputc('\n', out);
  }
  std::fprintf(out, "%zu shown, about %u matching documents\n", r.hits.size(), r.estimated_total);
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
  str("restored_query", r.restored_query);
  w.Key("hits");
  w.StartArray();
  for (const auto& h : r.hits) {
    w.StartObject();
    w.Key("rank"), w.Uint64(h.rank);
    w.Key("score"), w.Double(h.score);
    w.Key("docid"), w.Uint(h.docid);
    str("path", h.path);
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
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace vn::search
