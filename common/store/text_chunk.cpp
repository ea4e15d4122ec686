#include "store/text_chunk.hpp"

#include <rapidjson/document.h>

#include <stdexcept>

#include "store/metadata_json.hpp"
#include "store/text_delta.hpp"
#include "util/json.hpp"

namespace vn::store {

std::string encode_text_chunk(const TextChunk& c) {
  rapidjson::StringBuffer buf;
  buf.Reserve(c.text.size() + (c.restored ? c.restored->size() : 0) + 64);
  JsonWriter w(buf);
  w.StartObject();
  const std::optional<std::string> delta = c.restored ? encode_text_delta(c.text, *c.restored) : std::nullopt;
  if (delta) util::put_string(w, "delta", *delta);
  else util::put_string(w, "text", c.text);
  w.Key("restored");
  if (c.restored) w.String(c.restored->data(), static_cast<rapidjson::SizeType>(c.restored->size()));
  else w.Null();
  w.Key("low_confidence");
  write_uncertain_tokens(w, c.low_confidence);
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

TextChunk decode_text_chunk(std::string_view json) {
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  auto is_string = [&](const char* key) { return d.HasMember(key) && d[key].IsString(); };
  if (d.HasParseError() || !d.IsObject() || !d.HasMember("restored") ||
      !(is_string("text") || (is_string("delta") && is_string("restored"))))
    throw std::runtime_error("sidecar text chunk is not a JSON object with its text");
  TextChunk c;
  if (const auto& v = d["restored"]; v.IsString()) c.restored = std::string(v.GetString(), v.GetStringLength());
  if (is_string("text")) c.text.assign(d["text"].GetString(), d["text"].GetStringLength());
  else c.text = decode_text_delta({d["delta"].GetString(), d["delta"].GetStringLength()}, *c.restored);
  if (auto it = d.FindMember("low_confidence"); it != d.MemberEnd()) c.low_confidence = read_uncertain_tokens(it->value);
  return c;
}

}  // namespace vn::store
