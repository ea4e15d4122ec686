// Small helpers for writing JSON with RapidJSON writers.
#pragma once
#include <rapidjson/rapidjson.h>

#include <string_view>

namespace vn::util {

// Writes `"key": "value"` (value may hold any bytes; RapidJSON escapes).
template <typename Writer>
void put_string(Writer& w, const char* key, std::string_view value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

}  // namespace vn::util
