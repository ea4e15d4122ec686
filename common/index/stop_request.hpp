// Stopping a long run at its next safe point when asked to (SIGINT,
// SIGTERM, SIGHUP), instead of dying in the middle of it.
#pragma once
#include <atomic>

namespace vn::index {

// A request to stop, made at most once, from any thread or from a signal
// handler (request() is async-signal-safe). Runs poll it between units of
// work: a run that sees it finishes the documents in flight, commits, and
// returns with what it did.
class StopRequest {
 public:
  void request(int signal_number) noexcept { signal_.store(signal_number, std::memory_order_relaxed); }
  bool requested() const noexcept { return signal_.load(std::memory_order_relaxed) != 0; }
  // The signal that asked (or any non-zero number given to request()); 0: none.
  int signal() const noexcept { return signal_.load(std::memory_order_relaxed); }

 private:
  std::atomic<int> signal_{0};
  static_assert(std::atomic<int>::is_always_lock_free, "request() must be async-signal-safe");
};

// Whether `stop` (may be null: nothing can ask) has been requested.
inline bool stop_requested(const StopRequest* stop) noexcept { return stop && stop->requested(); }

// Makes SIGINT, SIGTERM and SIGHUP call `stop.request(signal)`. A second
// such signal ends the process at once with the signal's default action
// (still safe: an index survives kill -9). `stop` must outlive the process.
void stop_on_signals(StopRequest& stop);

// The conventional exit status of a process stopped by `signal_number`
// (128 + n: 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP).
inline int exit_status_for_signal(int signal_number) { return 128 + signal_number; }

}  // namespace vn::index
