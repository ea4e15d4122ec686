// Counting the values of one document slot over every match of a query: the
// facets of a search ("type: BÁO CÁO 1,204 · KẾT LUẬN 311 ...").
#pragma once
#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

namespace vn::query {

struct FacetValue {
  std::string value;
  Xapian::doccount count = 0;
};

// A Xapian::MatchSpy that counts the non-empty values of `slot`. It gives
// what Xapian::ValueCountMatchSpy gives, several times faster when the
// values are many and long (issuer lines): a search with facets visits every
// match, so the cost per match bounds its latency. Values are told apart by
// their 64-bit hash (a false merge needs ~4e9 distinct values to be likely).
// Local databases only: it is not registered with remote servers.
class FacetCounter : public Xapian::MatchSpy {
 public:
  explicit FacetCounter(Xapian::valueno slot) : slot_(slot) {}

  void operator()(const Xapian::Document& doc, double weight) override;

  // The `limit` most frequent values, most frequent first, ties by value
  // (the order of Xapian::ValueCountMatchSpy::top_values_begin).
  std::vector<FacetValue> top(size_t limit) const;

 private:
  struct Entry {
    uint64_t hash;
    FacetValue value;
  };
  void grow();

  Xapian::valueno slot_;
  std::vector<Entry> entries_;  // in order of first sight
  std::vector<uint32_t> table_;  // open addressing: index + 1 into entries_, 0 when free; size a power of two
};

}  // namespace vn::query
