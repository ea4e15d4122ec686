#include "query/sort_order.hpp"

#include <stdexcept>

#include "store/document_data.hpp"
#include "store/schema.hpp"

namespace vn::query {

std::optional<SortOrder> parse_sort_order(std::string_view name) {
  if (name == "relevance") return SortOrder::kRelevance;
  if (name == "date") return SortOrder::kDateNewest;
  if (name == "date-asc") return SortOrder::kDateOldest;
  if (name == "path") return SortOrder::kPath;
  return std::nullopt;
}

std::string PathKey::operator()(const Xapian::Document& doc) const {
  std::string path = doc.get_value(store::schema::kSlotPath);
  if (!path.empty()) return path;
  try {
    return store::decode_document_data(doc.get_data()).path;
  } catch (const std::runtime_error&) {
    return {};  // unreadable data sorts first; the hit reports it
  }
}

void apply_sort_order(Xapian::Enquire& enquire, SortOrder order, std::unique_ptr<Xapian::KeyMaker>& keep, bool remote) {
  namespace schema = store::schema;
  if (order == SortOrder::kRelevance) {  // ties by path, not docid: the same order however the index is sharded
    enquire.set_sort_by_relevance_then_value(schema::kSlotPath, false);
    return;
  }
  if (order == SortOrder::kDateNewest) {  // undated documents have no value: the least, so last
    enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
    return;
  }
  if (remote) {
    enquire.set_sort_by_value_then_relevance(order == SortOrder::kPath ? schema::kSlotPath : schema::kSlotDate, false);
    return;
  }
  if (order == SortOrder::kPath) {
    keep = std::make_unique<PathKey>();
  } else {  // date-asc: undated documents take a key above every date
    auto key = std::make_unique<Xapian::MultiValueKeyMaker>();
    key->add_value(schema::kSlotDate, false, "\xff");
    keep = std::move(key);
  }
  enquire.set_sort_by_key_then_relevance(keep.get(), false);
}

}  // namespace vn::query
