#include "indexer/progress.hpp"

#include <string>

namespace vn::indexer {

void TerminalProgress::start(size_t total_files, uint64_t total_bytes) {
  total_files_ = total_files;
  total_bytes_ = total_bytes;
  start_ = last_draw_ = std::chrono::steady_clock::now();
}

void TerminalProgress::advance(size_t done_files, uint64_t done_bytes) {
  const auto now = std::chrono::steady_clock::now();
  if (done_files < total_files_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  draw(done_files, done_bytes);
}

void TerminalProgress::draw(size_t done_files, uint64_t done_bytes) {
  const double secs = std::chrono::duration<double>(last_draw_ - start_).count();
  const double frac = total_bytes_ ? static_cast<double>(done_bytes) / static_cast<double>(total_bytes_) : 1.0;
  const double mbps = secs > 0 ? static_cast<double>(done_bytes) / 1e6 / secs : 0.0;
  const double eta = frac > 0 ? secs * (1 - frac) / frac : 0.0;
  constexpr int kWidth = 24;
  const int filled = static_cast<int>(frac * kWidth);
  std::string bar(static_cast<size_t>(filled), '=');
  if (filled < kWidth) bar += '>' + std::string(static_cast<size_t>(kWidth - filled - 1), ' ');
  std::fprintf(out_, "\r[%s] %zu/%zu files  %.1f/%.1f MB  %.1f MB/s  ETA %d:%02d ", bar.c_str(), done_files,
               total_files_, static_cast<double>(done_bytes) / 1e6, static_cast<double>(total_bytes_) / 1e6, mbps,
               static_cast<int>(eta) / 60, static_cast<int>(eta) % 60);
  std::fflush(out_);
  drawn_ = true;
}

void TerminalProgress::finish() {
  if (drawn_) std::fputs("\n", out_);
}

}  // namespace vn::indexer
