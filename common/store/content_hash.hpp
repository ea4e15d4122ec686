// Content fingerprints for change detection (XXH3-128, hex).
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace vn::store {

// 32 lower-case hex digits. Not cryptographic: detects change, not tampering.
std::string content_hash(std::string_view bytes);

// content_hash() of the file's bytes, read in pieces (a 20 MB model is
// hashed in a few ms, without holding it in memory); std::nullopt when the
// file cannot be opened or read.
std::optional<std::string> file_content_hash(const std::filesystem::path& path);

}  // namespace vn::store
