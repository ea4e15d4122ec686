#include "index/adaptation_sample.hpp"

#include <algorithm>

#include "decode/decode.hpp"
#include "io/source_file.hpp"
#include "restore/restorer.hpp"

namespace vn::index {

AdaptationSample sample_for_adaptation(const std::vector<io::SourceEntry>& entries, uint64_t budget,
                                       uint64_t max_file_size) {
  const uint64_t total = io::total_bytes(entries);
  const size_t stride = sampling_stride(total, budget);
  AdaptationSample sample;
  uint64_t taken = 0;
  for (size_t i = 0; i < entries.size() && taken < budget; i += stride) {
    io::SourceBytes b = io::read_source(entries[i], max_file_size);
    if (!b.ok) {
      sample.left_out.push_back({entries[i].path, b.error});
      continue;
    }
    decode::DecodeResult d = decode::decode_text(std::move(b.bytes));
    if (!d.ok) {
      sample.left_out.push_back({entries[i].path, d.error});
      continue;
    }
    // Of a file larger than what is left of the budget, its beginning.
    if (d.text.size() > budget - taken) d.text.resize(restore::piece_end(d.text, std::max<uint64_t>(budget - taken, 4)));
    taken += d.text.size();
    sample.texts.push_back(std::move(d.text));
  }
  return sample;
}

size_t sampling_stride(uint64_t total, uint64_t budget) {
  return total <= budget || budget == 0 ? 1 : static_cast<size_t>((total + budget - 1) / budget);
}

uint64_t adaptation_budget(uint64_t total) {
  constexpr uint64_t kMin = uint64_t{256} << 10, kMax = uint64_t{8} << 20;
  return std::clamp(total / 50, kMin, kMax);
}

}  // namespace vn::index
