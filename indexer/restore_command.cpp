#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <tbb/global_control.h>

#include <cstdio>
#include <optional>
#include <iostream>
#include <iterator>

#include "indexer/commands.hpp"
#include "io/source_file.hpp"
#include "restore/restorer.hpp"
#include "decode/decode.hpp"
#include "util/json.hpp"

namespace vn::indexer {
namespace {

std::string tokens_json(const restore::RestoredText& r) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartArray();
  for (const auto& t : r.tokens) {
    w.StartObject();
    util::put_string(w, "original", t.original);
    util::put_string(w, "restored", t.restored);
    w.Key("confidence"), w.Double(static_cast<double>(t.confidence));
    w.Key("start"), w.Uint(t.offset);
    w.Key("end"), w.Uint(t.offset + t.length);
    w.EndObject();
  }
  w.EndArray();
  return std::string(buf.GetString(), buf.GetSize());
}

bool restore_one(const restore::Restorer& restorer, const std::string& name, std::string bytes, bool json) {
  decode::DecodeResult d = decode::decode_text(std::move(bytes));
  if (!d.ok) {
    std::fprintf(stderr, "vnindex restore: %s: %s\n", name.c_str(), d.error.c_str());
    return false;
  }
  if (!d.damage.empty())
    std::fprintf(stderr, "vnindex restore: %s: read with damage: %s\n", name.c_str(), d.damage.describe().c_str());
  if (!json) {  // in pieces: memory stays bounded on huge inputs
    restore::restore_in_pieces(restorer, d.text, size_t{4} << 20,
                               [](std::string_view piece) { std::fwrite(piece.data(), 1, piece.size(), stdout); });
    return true;
  }
  const restore::RestoredText r = restorer.restore(d.text);
  {
    std::string out = "{\"file\":";
    rapidjson::StringBuffer nb;
    rapidjson::Writer<rapidjson::StringBuffer> nw(nb);
    nw.String(name.c_str(), static_cast<rapidjson::SizeType>(name.size()));
    out += nb.GetString();
    out += ",\"tokens\":" + tokens_json(r) + "}\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return true;
}

}  // namespace

int run_restore(const RestoreCommand& c) {
  std::optional<tbb::global_control> parallelism;
  if (c.threads) parallelism.emplace(tbb::global_control::max_allowed_parallelism, c.threads);
  const auto restorer = restore::Restorer::load(c.models, c.options, c.channel);
  bool ok = true;
  if (c.files.empty()) {
    std::string in((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    ok = restore_one(*restorer, "-", std::move(in), c.json);
  }
  for (const std::string& f : c.files) {
    io::SourceBytes b = io::read_file(f, uint64_t{1} << 31);
    if (!b.ok) {
      std::fprintf(stderr, "vnindex restore: %s: %s\n", f.c_str(), b.error.c_str());
      ok = false;
      continue;
    }
    ok &= restore_one(*restorer, f, std::move(b.bytes), c.json);
  }
  return ok ? 0 : 1;
}

int run_train(const restore::TrainOptions& options) {
  restore::train_models(options, std::cerr);
  return 0;
}

}  // namespace vn::indexer
