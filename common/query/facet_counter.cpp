#include "query/facet_counter.hpp"

#include <xxhash.h>

#include <algorithm>

namespace vn::query {

void FacetCounter::operator()(const Xapian::Document& doc, double /*weight*/) {
  std::string value = doc.get_value(slot_);
  if (value.empty()) return;
  if (2 * (entries_.size() + 1) > table_.size()) grow();
  const uint64_t hash = XXH3_64bits(value.data(), value.size());
  const size_t mask = table_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    if (table_[i] == 0) {
      entries_.push_back({hash, {std::move(value), 1}});
      table_[i] = static_cast<uint32_t>(entries_.size());
      return;
    }
    Entry& e = entries_[table_[i] - 1];
    if (e.hash == hash) {
      ++e.value.count;
      return;
    }
  }
}

void FacetCounter::grow() {
  table_.assign(std::max<size_t>(64, 2 * table_.size()), 0);
  const size_t mask = table_.size() - 1;
  for (size_t k = 0; k < entries_.size(); ++k) {
    size_t i = entries_[k].hash & mask;
    while (table_[i] != 0) i = (i + 1) & mask;
    table_[i] = static_cast<uint32_t>(k + 1);
  }
}

std::vector<FacetValue> FacetCounter::top(size_t limit) const {
  std::vector<const FacetValue*> order;
  order.reserve(entries_.size());
  for (const Entry& e : entries_) order.push_back(&e.value);
  const auto first = [](const FacetValue* a, const FacetValue* b) {
    return a->count != b->count ? a->count > b->count : a->value < b->value;
  };
  const size_t n = std::min(limit, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(), first);
  std::vector<FacetValue> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) out.push_back(*order[i]);
  return out;
}

}  // namespace vn::query
