// Content fingerprints for change detection (XXH3-128, hex).
#pragma once
#include <string>
#include <string_view>

namespace vn::store {

// 32 lower-case hex digits. Not cryptographic: detects change, not tampering.
std::string content_hash(std::string_view bytes);

}  // namespace vn::store
