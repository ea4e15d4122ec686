// Deciding whether a trained zstd dictionary pays off for a set of records.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace vn::store {

struct DictionaryTrial {
  bool trained = false;        // a dictionary could be trained at all
  bool pays_off = false;       // use it: saves at least `min_saving` of the bytes
  std::string dictionary;      // the trained dictionary (when trained)
  size_t samples = 0;          // records it was trained on
  size_t raw_bytes = 0;        // total size of those records
  size_t bytes_without = 0;    // held-out records (every 4th) compressed without a dictionary
  size_t bytes_with = 0;       // ... and with the dictionary trained on the others
};

// Trains a dictionary of at most `capacity` bytes (and at most 1/20 of the
// training bytes) on three quarters of `samples` and measures both ways at
// `level` on the held-out quarter. Needs enough material (16 samples, 80 KB)
// or reports trained = false.
DictionaryTrial try_dictionary(const std::vector<std::string>& samples, size_t capacity, int level,
                               double min_saving = 0.05);

}  // namespace vn::store
