#include "index/shard.hpp"

#include <xxhash.h>

#include <charconv>

namespace vn::index {
namespace {

constexpr unsigned kMaxShards = 1024;

// The number at the start of `text`, consumed; 0 when there is none.
unsigned take_number(std::string_view& text) {
  unsigned n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{}) return 0;
  text.remove_prefix(static_cast<size_t>(end - text.data()));
  return n;
}

}  // namespace

Shard Shard::parse(std::string_view text) {
  std::string_view rest = text;
  Shard s;
  s.number = take_number(rest);
  const bool slash = !rest.empty() && rest.front() == '/';
  if (slash) rest.remove_prefix(1);
  s.count = slash ? take_number(rest) : 0;
  if (!rest.empty() || s.count == 0 || s.number == 0 || s.number > s.count || s.count > kMaxShards)
    throw std::invalid_argument("'" + std::string(text) + "' is no shard: give K/N with 1 <= K <= N <= " +
                                std::to_string(kMaxShards) + " (e.g. 2/4)");
  return s;
}

Shard Shard::decode(std::string_view stored) { return stored.empty() ? Shard{} : parse(stored); }

std::string Shard::encode() const {
  return whole() ? std::string() : std::to_string(number) + "/" + std::to_string(count);
}

bool Shard::holds(std::string_view path) const {
  return whole() || XXH3_64bits(path.data(), path.size()) % count == number - 1;
}

}  // namespace vn::index
