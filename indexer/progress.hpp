// The progress line on a terminal: redrawn in place (at most ten times a
// second, and at each phase), fitted to the terminal's current width.
#pragma once
#include <cstdio>

#include "index/progress.hpp"

namespace vn::indexer {

class TerminalProgress : public index::ProgressSink {
 public:
  // `fd` is the descriptor of `out`, asked for the terminal's width.
  TerminalProgress(std::FILE* out, int fd);
  void phase(index::Phase phase) override;
  void start(const index::ProgressPlan& plan) override;
  void advance(const index::FileProgress& file) override;
  void finish() override;

 private:
  void draw(index::RunProgress::Clock::time_point now);
  int columns() const;

  std::FILE* out_;
  int fd_;
  index::RunProgress progress_;
  index::RunProgress::Clock::time_point last_draw_{};
  size_t drawn_length_ = 0;  // of the line on screen, to blank what a shorter one leaves
  bool drawn_ = false;
};

}  // namespace vn::indexer
