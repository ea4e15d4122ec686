// One writer per index. Every run that changes an index (indexing,
// compaction) holds an exclusive lock on <db>/writer.lock for its whole
// length. The kernel drops the lock when the process ends, however it ends
// (kill -9 included), so a lock is never stale.
#pragma once
#include <filesystem>
#include <stdexcept>

namespace vn::index {

// Another process is writing the index.
class IndexBusy : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class WriterLock {
 public:
  // Creates `db` when absent and takes the lock, or throws IndexBusy at
  // once (naming the index and the holder's pid) when another process holds
  // it; std::system_error when the lock file cannot be opened.
  explicit WriterLock(const std::filesystem::path& db);
  ~WriterLock();
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace vn::index
