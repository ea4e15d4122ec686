#include "store/dictionary.hpp"

#include <zdict.h>

#include <algorithm>

#include "store/frame_codec.hpp"

namespace vn::store {

namespace {

constexpr size_t kMinCapacity = 4096;

size_t compressed_bytes(const FrameCompressor& c, const std::vector<std::string>& samples, size_t from) {
  size_t total = 0;
  for (size_t i = from; i < samples.size(); i += 4) total += c.compress(samples[i]).size();
  return total;
}

}  // namespace

DictionaryTrial try_dictionary(const std::vector<std::string>& samples, size_t capacity, int level,
                               double min_saving) {
  DictionaryTrial trial;
  trial.samples = samples.size();
  // Every fourth record is held out to measure on; the rest train.
  std::string joined;
  std::vector<size_t> sizes;
  for (size_t i = 0; i < samples.size(); ++i) {
    trial.raw_bytes += samples[i].size();
    if (i % 4 == 3) continue;
    joined += samples[i];
    sizes.push_back(samples[i].size());
  }
  const FrameCompressor plain(level, "");
  trial.bytes_without = compressed_bytes(plain, samples, 3);
  trial.bytes_with = trial.bytes_without;
  // zstd wants about 100x more sample bytes than dictionary bytes; shrink
  // the dictionary for small runs rather than not trying.
  capacity = std::min(capacity, joined.size() / 20);
  if (samples.size() < 16 || capacity < kMinCapacity) return trial;

  std::string dict(capacity, '\0');
  const size_t n = ZDICT_trainFromBuffer(dict.data(), dict.size(), joined.data(), sizes.data(),
                                         static_cast<unsigned>(sizes.size()));
  if (ZDICT_isError(n)) return trial;
  dict.resize(n);
  trial.trained = true;
  trial.bytes_with = compressed_bytes(FrameCompressor(level, dict), samples, 3);
  trial.pays_off = trial.bytes_with < (1.0 - min_saving) * trial.bytes_without;
  trial.dictionary = std::move(dict);
  return trial;
}

}  // namespace vn::store
