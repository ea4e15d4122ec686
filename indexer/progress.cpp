#include "indexer/progress.hpp"

#include <sys/ioctl.h>

#include <cstdlib>
#include <string>

namespace vn::indexer {

using Clock = index::RunProgress::Clock;

TerminalProgress::TerminalProgress(std::FILE* out, int fd) : out_(out), fd_(fd), progress_(Clock::now()) {}

void TerminalProgress::phase(index::Phase phase) {
  progress_.phase(phase);
  draw(Clock::now());
}

void TerminalProgress::start(const index::ProgressPlan& plan) {
  progress_.start(plan, Clock::now());
  draw(Clock::now());
}

void TerminalProgress::advance(const index::FileProgress& file) {
  progress_.advance(file);
  const auto now = Clock::now();
  if (now - last_draw_ >= std::chrono::milliseconds(100)) draw(now);
}

// The terminal's width; $COLUMNS, else 80, when it cannot be asked.
int TerminalProgress::columns() const {
  winsize size{};
  if (::ioctl(fd_, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  if (const char* env = std::getenv("COLUMNS"); env && std::atoi(env) > 0) return std::atoi(env);
  return 80;
}

void TerminalProgress::draw(Clock::time_point now) {
  last_draw_ = now;
  const std::string line = progress_.line(now, columns());
  const size_t blank = drawn_length_ > line.size() ? drawn_length_ - line.size() : 0;
  std::fprintf(out_, "\r%s%s", line.c_str(), std::string(blank, ' ').c_str());
  std::fflush(out_);
  drawn_length_ = line.size();
  drawn_ = true;
}

void TerminalProgress::finish() {
  if (!drawn_) return;
  draw(Clock::now());
  std::fputs("\n", out_);
}

}  // namespace vn::indexer
