// An immutable hash map for the restoration models' small lookup tables:
// one array of slots, open addressing with linear probing, a power-of-two
// capacity at most half full. A lookup hashes once and usually reads one
// cache line; there is no allocation per entry and no division.
//
// Built once from all its entries, then only read: any number of threads
// may call find() at once.
//
// `Hash` must spread its output over all 64 bits (the slot is taken from
// the top bits); mix64() below does that for integers, and IdentityHash
// keeps keys that are such hashes already.
#pragma once
#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <utility>
#include <vector>

namespace vn::restore {

// A bijective 64-bit mixer (the murmur3 finalizer): every input bit
// affects every output bit.
constexpr uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xFF51AFD7ED558CCDULL;
  x ^= x >> 33;
  x *= 0xC4CEB9FE1A85EC53ULL;
  x ^= x >> 33;
  return x;
}

// Hashes an integer key with mix64().
struct MixHash {
  uint64_t operator()(uint64_t key) const { return mix64(key); }
};

// For keys that are hashes already.
struct IdentityHash {
  uint64_t operator()(uint64_t key) const { return key; }
};

template <class Key, class Value, class Hash = MixHash, class Equal = std::equal_to<Key>>
class FlatHashMap {
 public:
  FlatHashMap() = default;

  // REQUIRES: no two entries have equal keys (throws std::invalid_argument).
  explicit FlatHashMap(const std::vector<std::pair<Key, Value>>& entries) {
    const size_t capacity = std::bit_ceil(std::max<size_t>(2 * entries.size(), 8));
    shift_ = 64 - std::countr_zero(capacity);
    slots_.resize(capacity);
    for (const auto& [key, value] : entries) {
      size_t i = home(key);
      for (; slots_[i].used; i = (i + 1) & (capacity - 1))
        if (Equal()(slots_[i].key, key)) throw std::invalid_argument("FlatHashMap: duplicate key");
      slots_[i] = {key, value, true};
    }
    size_ = entries.size();
  }

  // The value of `key`, or nullptr. Valid as long as the map.
  const Value* find(const Key& key) const {
    if (slots_.empty()) return nullptr;
    for (size_t i = home(key);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& s = slots_[i];
      if (!s.used) return nullptr;
      if (Equal()(s.key, key)) return &s.value;
    }
  }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  struct Slot {
    Key key{};
    Value value{};
    bool used = false;
  };

  size_t home(const Key& key) const { return static_cast<size_t>(static_cast<uint64_t>(Hash()(key)) >> shift_); }

  std::vector<Slot> slots_;  // empty, or a power of two at least twice size_
  int shift_ = 64;           // 64 - log2(slots_.size())
  size_t size_ = 0;
};

}  // namespace vn::restore
