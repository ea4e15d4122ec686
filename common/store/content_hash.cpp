#include "store/content_hash.hpp"

#include <xxhash.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <vector>

namespace vn::store {
namespace {

std::string hex(XXH128_hash_t h) {
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

}  // namespace

std::string content_hash(std::string_view bytes) { return hex(XXH3_128bits(bytes.data(), bytes.size())); }

std::optional<std::string> file_content_hash(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  const std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state(XXH3_createState(), XXH3_freeState);
  XXH3_128bits_reset(state.get());
  std::vector<char> piece(1 << 20);
  while (in.read(piece.data(), static_cast<std::streamsize>(piece.size())) || in.gcount() > 0)
    XXH3_128bits_update(state.get(), piece.data(), static_cast<size_t>(in.gcount()));
  if (in.bad()) return std::nullopt;
  return hex(XXH3_128bits_digest(state.get()));
}

}  // namespace vn::store
