#include "store/record.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <stdexcept>

#include "store/metadata_json.hpp"
#include "util/json.hpp"

namespace vn::store {

std::string encode_record(const DocumentRecord& r) {
  rapidjson::StringBuffer buf;
  buf.Reserve(r.text.size() + (r.restored ? r.restored->size() : 0) + 512);
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  auto str = [&](const char* key, std::string_view value) { util::put_string(w, key, value); };
  w.StartObject();
  w.Key("v");
  w.Int(kRecordVersion);
  str("path", r.path);
  w.Key("bytes");
  w.Uint64(r.bytes);
  w.Key("mtime");
  w.Int64(r.mtime);
  str("hash", r.content_hash);
  str("encoding", r.encoding);
  str("title", r.title);
  str("text", r.text);
  w.Key("restored");
  if (r.restored) w.String(r.restored->data(), static_cast<rapidjson::SizeType>(r.restored->size()));
  else w.Null();
  w.Key("metadata");
  write_metadata(w, r.metadata);
  w.Key("citations");
  write_citations(w, r.citations);
  w.Key("low_confidence");
  w.StartArray();
  for (const UncertainToken& t : r.low_confidence) {
    w.StartObject();
    w.Key("start"), w.Uint(t.offset);
    w.Key("end"), w.Uint(t.offset + t.length);
    str("restored", t.restored);
    w.Key("confidence"), w.Double(static_cast<double>(t.confidence));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

namespace {

const rapidjson::Value& member(const rapidjson::Document& d, const char* key) {
  auto it = d.FindMember(key);
  if (it == d.MemberEnd()) throw std::runtime_error(std::string("sidecar record lacks \"") + key + "\"");
  return it->value;
}

std::string string_member(const rapidjson::Document& d, const char* key) {
  const auto& v = member(d, key);
  if (!v.IsString()) throw std::runtime_error(std::string("sidecar record field \"") + key + "\" is not a string");
  return std::string(v.GetString(), v.GetStringLength());
}

template <typename T>
T number_member(const rapidjson::Document& d, const char* key) {
  const auto& v = member(d, key);
  if (!v.Is<T>()) throw std::runtime_error(std::string("sidecar record field \"") + key + "\" is not a number");
  return v.Get<T>();
}

}  // namespace

DocumentRecord decode_record(std::string_view json) {
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  if (d.HasParseError() || !d.IsObject()) throw std::runtime_error("sidecar record is not a JSON object");
  if (number_member<int>(d, "v") != kRecordVersion)
    throw std::runtime_error("sidecar record has an unknown version");
  DocumentRecord r;
  r.path = string_member(d, "path");
  r.bytes = number_member<uint64_t>(d, "bytes");
  r.mtime = number_member<int64_t>(d, "mtime");
  r.content_hash = string_member(d, "hash");
  r.encoding = string_member(d, "encoding");
  r.title = string_member(d, "title");
  r.text = string_member(d, "text");
  if (const auto& v = member(d, "restored"); v.IsString()) r.restored = std::string(v.GetString(), v.GetStringLength());
  if (auto it = d.FindMember("metadata"); it != d.MemberEnd() && it->value.IsObject() && it->value.MemberCount() > 0)
    r.metadata = read_metadata(it->value);
  if (auto it = d.FindMember("citations"); it != d.MemberEnd()) r.citations = read_citations(it->value);
  if (const auto& v = member(d, "low_confidence"); v.IsArray()) {
    for (const auto& t : v.GetArray()) {
      if (!t.IsObject() || !t.HasMember("start") || !t["start"].IsUint() || !t.HasMember("end") || !t["end"].IsUint() ||
          !t.HasMember("restored") || !t["restored"].IsString() || !t.HasMember("confidence") || !t["confidence"].IsNumber())
        throw std::runtime_error("sidecar record has a malformed low_confidence entry");
      r.low_confidence.push_back({t["start"].GetUint(), t["end"].GetUint() - t["start"].GetUint(),
                                  t["restored"].GetString(), static_cast<float>(t["confidence"].GetDouble())});
    }
  }
  return r;
}

}  // namespace vn::store
