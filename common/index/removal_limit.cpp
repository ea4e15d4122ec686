#include "index/removal_limit.hpp"

#include <algorithm>
#include <charconv>

namespace vn::index {

RemovalLimit RemovalLimit::parse(std::string_view text) {
  const bool percent = text.ends_with('%');
  if (percent) text.remove_suffix(1);
  size_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || (percent && value > 100))
    throw std::invalid_argument("expected a number of documents (N) or a percentage of the index (P%, at most 100%)");
  return {percent ? kPercent : kCount, value};
}

size_t RemovalLimit::allowed(size_t indexed) const {
  switch (kind) {
    case kCount: return value;
    case kPercent: return indexed * value / 100;
    case kDefault: return std::max(indexed * kDefaultPercent / 100, kDefaultFloor);
  }
  return 0;
}

std::string RemovalLimit::describe() const {
  switch (kind) {
    case kCount: return std::to_string(value) + " documents";
    case kPercent: return std::to_string(value) + "%";
    case kDefault: return std::to_string(kDefaultPercent) + "%, at least " + std::to_string(kDefaultFloor) + " documents";
  }
  return {};
}

void check_removals(const RemovalLimit& limit, size_t removing, size_t indexed) {
  if (removing <= limit.allowed(indexed)) return;
  const size_t percent = indexed ? removing * 100 / indexed : 100;
  throw TooManyRemovals("--prune would remove " + std::to_string(removing) + " of the " + std::to_string(indexed) +
                        " indexed documents (" + std::to_string(percent) + "%), more than --max-remove allows (" +
                        limit.describe() +
                        "). Is the archive mounted and complete? If the files are really gone, run again with "
                        "--max-remove 100% (nothing was indexed)");
}

}  // namespace vn::index
