// How many documents one --prune run may remove. An archive directory that
// is empty because its disk is not mounted looks exactly like an archive
// whose every file was deleted; the limit tells them apart by size.
#pragma once
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace vn::index {

struct RemovalLimit {
  enum Kind { kDefault, kCount, kPercent } kind = kDefault;
  size_t value = 0;  // documents (kCount) or percent of the indexed documents (kPercent)

  // The default: 5 % of the indexed documents, but never fewer than 20
  // (small indexes change by a larger share in a normal night).
  static constexpr size_t kDefaultPercent = 5;
  static constexpr size_t kDefaultFloor = 20;

  // "N" or "P%" (P at most 100). Throws std::invalid_argument.
  static RemovalLimit parse(std::string_view text);
  // How many of `indexed` documents a run may remove.
  size_t allowed(size_t indexed) const;
  // "5%, at least 20 documents", "10%", "300 documents".
  std::string describe() const;
};

// A prune that would remove more documents than the limit allows.
class TooManyRemovals : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws TooManyRemovals, naming the figures, the likely cause and the way
// out, when removing `removing` of `indexed` documents is over `limit`.
void check_removals(const RemovalLimit& limit, size_t removing, size_t indexed);

}  // namespace vn::index
