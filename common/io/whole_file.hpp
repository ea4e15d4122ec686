// Reading a small or medium file whole: model files, channel files,
// dictionaries, the index's own bookkeeping files.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace vn::io {

// Every byte of the file at `path`, read in one pass (a 20 MB model takes a
// few ms from the page cache); std::nullopt when it cannot be opened or
// read. Not for archive documents: io::read_source checks those for
// changes while reading and bounds their size.
std::optional<std::string> read_whole_file(const std::filesystem::path& path);

}  // namespace vn::io
