#include "store/record.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <stdexcept>

#include "store/metadata_json.hpp"
#include "store/text_delta.hpp"
#include "util/json.hpp"

namespace vn::store {

namespace {

using Writer = JsonWriter;

void write_chunks(Writer& w, const std::vector<RecordChunk>& chunks) {
  w.StartArray();
  for (const RecordChunk& c : chunks) {
    w.StartObject();
    w.Key("bytes"), w.Uint64(c.frame_bytes);
    w.Key("pos"), w.Uint(c.positions_before);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

std::string encode_record(const DocumentRecord& r) {
  const bool chunked = !r.chunks.empty();
  const std::optional<std::string> delta =
      chunked || !r.restored ? std::nullopt : encode_text_delta(r.text, *r.restored);
  rapidjson::StringBuffer buf;
  buf.Reserve(r.text.size() + (r.restored ? r.restored->size() : 0) + 512);
  Writer w(buf);
  auto str = [&](const char* key, std::string_view value) { util::put_string(w, key, value); };
  w.StartObject();
  w.Key("v");
  w.Int(chunked ? kChunkedRecordVersion : delta ? kDeltaRecordVersion : kRecordVersion);
  str("path", r.path);
  w.Key("bytes");
  w.Uint64(r.bytes);
  w.Key("mtime");
  w.Int64(r.mtime);
  str("hash", r.content_hash);
  str("encoding", r.encoding);
  str("title", r.title);
  if (chunked) {
    w.Key("restored");
    w.Bool(r.restored.has_value());
  } else if (delta) {
    str("delta", *delta);
    str("restored", *r.restored);
  } else {
    str("text", r.text);
    w.Key("restored");
    if (r.restored) w.String(r.restored->data(), static_cast<rapidjson::SizeType>(r.restored->size()));
    else w.Null();
  }
  w.Key("metadata");
  write_metadata(w, r.metadata);
  w.Key("citations");
  write_citations(w, r.citations);
  if (chunked) {
    w.Key("chunks");
    write_chunks(w, r.chunks);
  } else {
    w.Key("low_confidence");
    write_uncertain_tokens(w, r.low_confidence);
    if (!r.alternatives.empty()) {  // [[offset, reading...], ...]
      w.Key("alternatives");
      w.StartArray();
      for (const ReadingAlternatives& a : r.alternatives) {
        w.StartArray();
        w.Uint(a.offset);
        for (const std::string& reading : a.readings) w.String(reading.data(), static_cast<rapidjson::SizeType>(reading.size()));
        w.EndArray();
      }
      w.EndArray();
    }
  }
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

std::vector<RecordChunk> read_chunks(const rapidjson::Value& v) {
  if (!v.IsArray() || v.Empty()) throw std::runtime_error("sidecar record header lists no chunks");
  std::vector<RecordChunk> out;
  for (const auto& c : v.GetArray()) {
    if (!c.IsObject() || !c.HasMember("bytes") || !c["bytes"].IsUint64() || !c.HasMember("pos") || !c["pos"].IsUint())
      throw std::runtime_error("sidecar record header has a malformed chunk entry");
    out.push_back({c["bytes"].GetUint64(), c["pos"].GetUint()});
  }
  return out;
}

// "alternatives", when present (records written before it have none).
std::vector<ReadingAlternatives> read_alternatives(const rapidjson::Document& d) {
  std::vector<ReadingAlternatives> out;
  const auto it = d.FindMember("alternatives");
  if (it == d.MemberEnd()) return out;
  if (!it->value.IsArray()) throw std::runtime_error("sidecar record field \"alternatives\" is not an array");
  for (const auto& a : it->value.GetArray()) {
    if (!a.IsArray() || a.Empty() || !a[0].IsUint())
      throw std::runtime_error("sidecar record has a malformed alternatives entry");
    ReadingAlternatives& x = out.emplace_back();
    x.offset = a[0].GetUint();
    for (rapidjson::SizeType i = 1; i < a.Size(); ++i) {
      if (!a[i].IsString()) throw std::runtime_error("sidecar record has a malformed alternatives entry");
      x.readings.emplace_back(a[i].GetString(), a[i].GetStringLength());
    }
  }
  return out;
}

}  // namespace

DocumentRecord decode_record(std::string_view json) {
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  if (d.HasParseError() || !d.IsObject()) throw std::runtime_error("sidecar record is not a JSON object");
  const int version = number_member<int>(d, "v");
  if (version != kRecordVersion && version != kChunkedRecordVersion && version != kDeltaRecordVersion)
    throw std::runtime_error("sidecar record has an unknown version");
  DocumentRecord r;
  r.path = string_member(d, "path");
  r.bytes = number_member<uint64_t>(d, "bytes");
  r.mtime = number_member<int64_t>(d, "mtime");
  r.content_hash = string_member(d, "hash");
  r.encoding = string_member(d, "encoding");
  r.title = string_member(d, "title");
  if (version == kChunkedRecordVersion) {
    if (const auto& v = member(d, "restored"); v.IsBool() && v.GetBool()) r.restored = std::string();
    r.chunks = read_chunks(member(d, "chunks"));
  } else if (version == kDeltaRecordVersion) {
    r.restored = string_member(d, "restored");
    r.text = decode_text_delta(string_member(d, "delta"), *r.restored);
    r.low_confidence = read_uncertain_tokens(member(d, "low_confidence"));
    r.alternatives = read_alternatives(d);
  } else {
    r.text = string_member(d, "text");
    if (const auto& v = member(d, "restored"); v.IsString()) r.restored = std::string(v.GetString(), v.GetStringLength());
    r.low_confidence = read_uncertain_tokens(member(d, "low_confidence"));
    r.alternatives = read_alternatives(d);
  }
  if (auto it = d.FindMember("metadata"); it != d.MemberEnd() && it->value.IsObject() && it->value.MemberCount() > 0)
    r.metadata = read_metadata(it->value);
  if (auto it = d.FindMember("citations"); it != d.MemberEnd()) r.citations = read_citations(it->value);
  return r;
}

}  // namespace vn::store
