#include "store/document_data.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <stdexcept>
#include "util/json.hpp"

namespace vn::store {

std::string encode_document_data(const DocumentData& d) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  auto str = [&](const char* key, std::string_view value) { util::put_string(w, key, value); };
  w.StartObject();
  str("path", d.path);
  str("title", d.title);
  str("sc", d.sidecar.file);
  w.Key("off");
  w.Uint64(d.sidecar.offset);
  w.Key("len");
  w.Uint64(d.sidecar.length);
  if (!d.content_hash.empty()) str("h", d.content_hash);
  if (!d.chunk_starts.empty()) {
    w.Key("ck");
    w.StartArray();
    for (uint32_t p : d.chunk_starts) w.Uint(p);
    w.EndArray();
  }
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

DocumentData decode_document_data(std::string_view json) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  auto has = [&](const char* k, bool string) {
    auto it = doc.FindMember(k);
    return it != doc.MemberEnd() && (string ? it->value.IsString() : it->value.IsUint64());
  };
  if (doc.HasParseError() || !doc.IsObject() || !has("path", true) || !has("title", true) || !has("sc", true) ||
      !has("off", false) || !has("len", false))
    throw std::runtime_error("document data is not a vnarchive record locator");
  DocumentData d;
  d.path = doc["path"].GetString();
  d.title = doc["title"].GetString();
  d.sidecar = {doc["sc"].GetString(), doc["off"].GetUint64(), doc["len"].GetUint64()};
  if (has("h", true)) d.content_hash = doc["h"].GetString();
  if (auto it = doc.FindMember("ck"); it != doc.MemberEnd() && it->value.IsArray())
    for (const auto& p : it->value.GetArray())
      if (p.IsUint()) d.chunk_starts.push_back(p.GetUint());
  return d;
}

}  // namespace vn::store
