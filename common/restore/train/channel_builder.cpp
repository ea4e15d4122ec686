#include "restore/train/channel_builder.hpp"

#include "io/atomic_file.hpp"

namespace vn::restore {

void ChannelModelBuilder::add_pair(std::u32string_view syllable, std::u32string_view ocr) {
  restore::add_pair(counts_, syllable, ocr);
}

size_t ChannelModelBuilder::token_pairs() const { return restore::token_pairs(counts_); }

void ChannelModelBuilder::save(const std::filesystem::path& path, uint32_t min_count) const {
  io::write_file_atomically(path, channel_tsv(counts_, min_count));
}

}  // namespace vn::restore
