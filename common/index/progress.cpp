#include "index/progress.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace vn::index {
namespace {

// "0:07", "12:30", "1:02:03".
std::string clock_time(double seconds) {
  const long s = static_cast<long>(std::max(0.0, seconds) + 0.5);
  char buf[32];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

std::string format(const char* pattern, auto... values) {
  char buf[96];
  std::snprintf(buf, sizeof buf, pattern, values...);
  return buf;
}

// "[=====>    ]" with `inner` cells for a fraction in [0, 1].
std::string bar(double fraction, int inner) {
  const int filled = std::clamp(static_cast<int>(fraction * inner), 0, inner);
  std::string s = "[" + std::string(static_cast<size_t>(filled), '=');
  if (filled < inner) s += '>' + std::string(static_cast<size_t>(inner - filled - 1), ' ');
  return s + "]";
}

}  // namespace

const char* phase_name(Phase phase, bool restoring) {
  switch (phase) {
    case Phase::kWalking: return "walking";
    case Phase::kLoadingModels: return "loading models";
    case Phase::kAdapting: return "adapting the OCR channel";
    case Phase::kIndexing: return restoring ? "restoring" : "indexing";
    case Phase::kPruning: return "pruning";
    case Phase::kCommitting: return "committing";
    case Phase::kCompacting: return "compacting";
  }
  return "";
}

void RunProgress::start(const ProgressPlan& plan, Clock::time_point now) {
  plan_ = plan;
  started_ = true;
  indexing_start_ = now;
  phase_ = Phase::kIndexing;
}

void RunProgress::advance(const FileProgress& file) {
  ++done_files_;
  done_bytes_ += file.bytes;
  (file.unchanged ? done_unchanged_bytes_ : done_new_bytes_) += file.bytes;
  if (file.was_indexed) done_indexed_bytes_ += file.bytes;
}

double RunProgress::elapsed(Clock::time_point now) const {
  return std::chrono::duration<double>(now - run_start_).count();
}

double RunProgress::indexing_seconds(Clock::time_point now) const {
  return started_ ? std::chrono::duration<double>(now - indexing_start_).count() : 0.0;
}

double RunProgress::megabytes_per_second(Clock::time_point now) const {
  const double secs = indexing_seconds(now);
  return secs > 0 ? static_cast<double>(done_bytes_) / 1e6 / secs : 0.0;
}

double RunProgress::cost_done() const {
  return static_cast<double>(done_new_bytes_) + kUnchangedCost * static_cast<double>(done_unchanged_bytes_);
}

double RunProgress::seconds_left(Clock::time_point now) const {
  const double secs = indexing_seconds(now), done = cost_done();
  if (!started_ || secs <= 0 || done <= 0) return -1;
  const uint64_t indexed_left = plan_.indexed_bytes - std::min(plan_.indexed_bytes, done_indexed_bytes_);
  const uint64_t other_total = plan_.bytes - std::min(plan_.bytes, plan_.indexed_bytes);
  const uint64_t other_done = done_bytes_ - done_indexed_bytes_;
  const uint64_t other_left = other_total - std::min(other_total, other_done);
  const double left = static_cast<double>(other_left) + kUnchangedCost * static_cast<double>(indexed_left);
  return secs * left / done;
}

std::string RunProgress::line(Clock::time_point now, int columns) const {
  const size_t width = static_cast<size_t>(std::max(columns - 1, 1));
  std::string head = phase_name(phase_, plan_.restoring);
  if (phase_ != Phase::kIndexing || !started_) {
    head += "  " + clock_time(elapsed(now));
    return head.substr(0, width);
  }
  // The parts in the order shown; `drop` ranks them, the first dropped first.
  enum Part { kBar, kFiles, kMegabytes, kRate, kElapsed, kLeft, kParts };
  const double fraction = plan_.bytes ? static_cast<double>(done_bytes_) / static_cast<double>(plan_.bytes) : 1.0;
  const double left = seconds_left(now);
  std::array<std::string, kParts> parts = {
      "",
      format("%zu/%zu files", done_files_, plan_.files),
      format("%.1f/%.1f MB", static_cast<double>(done_bytes_) / 1e6, static_cast<double>(plan_.bytes) / 1e6),
      format("%.1f MB/s", megabytes_per_second(now)),
      clock_time(elapsed(now)),
      "ETA " + (left < 0 ? std::string("-:--") : clock_time(left)),
  };
  std::array<bool, kParts> shown;
  shown.fill(true);
  auto length = [&] {
    size_t n = head.size();
    for (int p = 0; p < kParts; ++p)
      if (shown[p] && p != kBar) n += 2 + parts[p].size();
    return n;
  };
  constexpr int kMinBar = 10, kMaxBar = 30;
  for (Part p : {kMegabytes, kRate, kBar, kElapsed, kLeft, kFiles}) {
    const size_t bar_room = shown[kBar] ? 2 + kMinBar + 2 : 0;
    if (length() + bar_room <= width) break;
    shown[p] = false;
  }
  if (shown[kBar]) {
    const int room = static_cast<int>(width - length()) - 2 - 2;  // the space before it and the brackets
    parts[kBar] = bar(fraction, std::min(room, kMaxBar));
  }
  std::string out = head;
  for (int p = 0; p < kParts; ++p)
    if (shown[p]) out += "  " + parts[p];
  return out.substr(0, width);
}

}  // namespace vn::index
