// The end-of-run summary, for people (text) and for scripts (JSON).
#pragma once
#include <cstdio>
#include <string>

#include "index/pipeline.hpp"

namespace vn::indexer {

void print_summary(std::FILE* out, const index::IndexStats& stats);

// The --report file: the run's figures, its failures, and every file's
// outcome. The outcomes are spooled to an unnamed temporary file as the run
// meets them (it is the run's OutcomeSink), so a report over a million
// files costs disk, not memory.
class Report final : public index::OutcomeSink {
 public:
  // Throws std::system_error when no temporary file can be made.
  Report();
  ~Report() override;
  Report(const Report&) = delete;
  Report& operator=(const Report&) = delete;

  void met(const index::FileOutcome& outcome) override;

  // Writes the report of the run that ended with `stats` to `path` ("-":
  // standard output); false when it cannot be written.
  bool write(const std::string& path, const index::IndexStats& stats, const index::IndexOptions& options);

 private:
  std::FILE* spool_;  // one compact JSON object per line
};

}  // namespace vn::indexer
