// A one-line progress bar for terminals: files, MB, MB/s, ETA.
#pragma once
#include <chrono>
#include <cstdio>

#include "index/pipeline.hpp"

namespace vn::indexer {

class TerminalProgress : public index::ProgressSink {
 public:
  explicit TerminalProgress(std::FILE* out) : out_(out) {}
  void start(size_t total_files, uint64_t total_bytes) override;
  void advance(size_t done_files, uint64_t done_bytes) override;
  void finish() override;

 private:
  void draw(size_t done_files, uint64_t done_bytes);

  std::FILE* out_;
  size_t total_files_ = 0;
  uint64_t total_bytes_ = 0;
  std::chrono::steady_clock::time_point start_, last_draw_;
  bool drawn_ = false;
};

}  // namespace vn::indexer
