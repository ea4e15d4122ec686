// Document metadata, citations and uncertain tokens as JSON, for sidecar
// records and output.
#pragma once
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <vector>

#include "doc/citations.hpp"
#include "doc/metadata.hpp"
#include "store/record.hpp"

namespace vn::store {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void write_metadata(JsonWriter& w, const doc::Metadata& m);
void write_citations(JsonWriter& w, const std::vector<doc::Citation>& citations);
void write_uncertain_tokens(JsonWriter& w, const std::vector<UncertainToken>& tokens);

// Throw std::runtime_error when `v` does not have the shape written above.
doc::Metadata read_metadata(const rapidjson::Value& v);
std::vector<doc::Citation> read_citations(const rapidjson::Value& v);
// Not an array reads as none.
std::vector<UncertainToken> read_uncertain_tokens(const rapidjson::Value& v);

}  // namespace vn::store
