// The part of an archive that channel adaptation learns from: files spread
// over the whole walk, decoded to text.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "io/walker.hpp"

namespace vn::index {

struct AdaptationSample {
  std::vector<std::string> texts;      // decoded NFC text, one per file taken
  std::vector<io::FileError> left_out;  // files taken but unreadable or undecodable, and why
};

// Every k-th entry, k chosen so that about `budget` bytes are read, until
// `budget` bytes of text are taken (of a file larger than what is left,
// its beginning, cut where restore_in_pieces would cut). Deterministic: the
// same entries give the same sample.
AdaptationSample sample_for_adaptation(const std::vector<io::SourceEntry>& entries, uint64_t budget,
                                       uint64_t max_file_size);

// Every how many-th of items totalling `total` bytes to take so that about
// `budget` bytes are read: 1 when all fit.
size_t sampling_stride(uint64_t total, uint64_t budget);

// The budget of a first indexing run over `total` bytes: 2 % of them (so
// that adapting, up to 4 readings of the sample plus a tenth held out,
// costs about a tenth of the run), at least 256 KB (all of a small
// archive; the seeds' 120 KB already teach most of their damage), at most
// 8 MB (memory stays flat).
uint64_t adaptation_budget(uint64_t total);

}  // namespace vn::index
