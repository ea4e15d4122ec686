#include "store/metadata_json.hpp"

#include <stdexcept>

#include "util/json.hpp"

namespace vn::store {
namespace {

std::string string_of(const rapidjson::Value& v, const char* key) {
  auto it = v.FindMember(key);
  if (it == v.MemberEnd() || !it->value.IsString())
    throw std::runtime_error(std::string("metadata field \"") + key + "\" is missing or not a string");
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

}  // namespace

void write_metadata(JsonWriter& w, const doc::Metadata& m) {
  w.StartObject();
  util::put_string(w, "type", m.type);
  util::put_string(w, "number", m.number);
  util::put_string(w, "code", m.code);
  util::put_string(w, "place", m.place);
  util::put_string(w, "date", m.date);
  util::put_string(w, "issuer", m.issuer);
  util::put_string(w, "title", m.title);
  util::put_string(w, "signer", m.signer);
  util::put_string(w, "signer_position", m.signer_position);
  util::put_string(w, "draft", m.draft);
  w.Key("recipients");
  w.StartArray();
  for (const auto& r : m.recipients) w.String(r.data(), static_cast<rapidjson::SizeType>(r.size()));
  w.EndArray();
  w.Key("outline");
  w.StartArray();
  for (const auto& [heading, level] : m.outline) {
    w.StartObject();
    util::put_string(w, "heading", heading);
    w.Key("level"), w.Int(level);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void write_citations(JsonWriter& w, const std::vector<doc::Citation>& citations) {
  w.StartArray();
  for (const doc::Citation& c : citations) {
    w.StartObject();
    util::put_string(w, "key", c.key);
    util::put_string(w, "type", c.type);
    util::put_string(w, "code", c.code);
    util::put_string(w, "date", c.date);
    w.Key("start"), w.Uint64(c.offset);
    w.Key("end"), w.Uint64(c.offset + c.length);
    w.EndObject();
  }
  w.EndArray();
}

void write_uncertain_tokens(JsonWriter& w, const std::vector<UncertainToken>& tokens) {
  w.StartArray();
  for (const UncertainToken& t : tokens) {
    w.StartObject();
    w.Key("start"), w.Uint(t.offset);
    w.Key("end"), w.Uint(t.offset + t.length);
    util::put_string(w, "restored", t.restored);
    w.Key("confidence"), w.Double(static_cast<double>(t.confidence));
    w.EndObject();
  }
  w.EndArray();
}

doc::Metadata read_metadata(const rapidjson::Value& v) {
  if (!v.IsObject()) throw std::runtime_error("metadata is not an object");
  doc::Metadata m;
  m.type = string_of(v, "type");
  m.number = string_of(v, "number");
  m.code = string_of(v, "code");
  m.place = string_of(v, "place");
  m.date = string_of(v, "date");
  m.issuer = string_of(v, "issuer");
  m.title = string_of(v, "title");
  m.signer = string_of(v, "signer");
  m.signer_position = string_of(v, "signer_position");
  m.draft = string_of(v, "draft");
  if (auto it = v.FindMember("recipients"); it != v.MemberEnd() && it->value.IsArray())
    for (const auto& r : it->value.GetArray())
      if (r.IsString()) m.recipients.emplace_back(r.GetString(), r.GetStringLength());
  if (auto it = v.FindMember("outline"); it != v.MemberEnd() && it->value.IsArray())
    for (const auto& h : it->value.GetArray())
      if (h.IsObject() && h.HasMember("level") && h["level"].IsInt()) m.outline.emplace_back(string_of(h, "heading"), h["level"].GetInt());
  return m;
}

std::vector<doc::Citation> read_citations(const rapidjson::Value& v) {
  if (!v.IsArray()) throw std::runtime_error("citations are not an array");
  std::vector<doc::Citation> out;
  for (const auto& c : v.GetArray()) {
    if (!c.IsObject() || !c.HasMember("start") || !c["start"].IsUint64() || !c.HasMember("end") || !c["end"].IsUint64())
      throw std::runtime_error("a citation lacks its offsets");
    out.push_back({string_of(c, "key"), string_of(c, "type"), string_of(c, "code"), string_of(c, "date"),
                   c["start"].GetUint64(), c["end"].GetUint64() - c["start"].GetUint64()});
  }
  return out;
}

std::vector<UncertainToken> read_uncertain_tokens(const rapidjson::Value& v) {
  std::vector<UncertainToken> out;
  if (!v.IsArray()) return out;
  for (const auto& t : v.GetArray()) {
    if (!t.IsObject() || !t.HasMember("start") || !t["start"].IsUint() || !t.HasMember("end") || !t["end"].IsUint() ||
        !t.HasMember("restored") || !t["restored"].IsString() || !t.HasMember("confidence") || !t["confidence"].IsNumber())
      throw std::runtime_error("sidecar record has a malformed low_confidence entry");
    out.push_back({t["start"].GetUint(), t["end"].GetUint() - t["start"].GetUint(), t["restored"].GetString(),
                   static_cast<float>(t["confidence"].GetDouble())});
  }
  return out;
}

}  // namespace vn::store
