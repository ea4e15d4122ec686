// The orders a search can list its hits in, and the Xapian sort keys that
// give them.
#pragma once
#include <xapian.h>

#include <memory>
#include <optional>
#include <string_view>

namespace vn::query {

enum class SortOrder {
  kRelevance,  // BM25 weight, best first
  kDateNewest, // document date, newest first; undated documents last
  kDateOldest, // document date, oldest first; undated documents last
  kPath,       // source path, ascending by bytes
};

// "relevance", "date", "date-asc" or "path"; std::nullopt for anything else.
std::optional<SortOrder> parse_sort_order(std::string_view name);

// The source path of a document: its value in store::schema::kSlotPath,
// or, for a document indexed before that slot was written, the path in
// its document data (decoded per document: slower, same order). So an
// index built before the slot, or partly rebuilt since, sorts by path
// correctly, only more slowly.
class PathKey : public Xapian::KeyMaker {
 public:
  std::string operator()(const Xapian::Document& doc) const override;
};

// Sets `enquire`'s order. Keys it needs are kept in `keep`, which must
// outlive the enquire's use. Ties of a sort key keep relevance order;
// ties of relevance go by path (schema::kSlotPath), not by document id,
// so that the shards of an index (query/shard_set.hpp) list them as the
// index does.
// `remote`: the enquire searches a remote shard, whose server runs no
// Xapian::KeyMaker, so the orders are plain value orders: date-asc puts
// undated documents first, and path puts documents without the path slot
// (indexed before it existed) first.
void apply_sort_order(Xapian::Enquire& enquire, SortOrder order, std::unique_ptr<Xapian::KeyMaker>& keep,
                      bool remote = false);

}  // namespace vn::query
