// Checking an index for consistency (vnindex verify).
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace vn::index {

struct VerifyReport {
  size_t documents = 0;               // documents in the index
  size_t records = 0;                 // sidecar records read and checked
  size_t xapian_errors = 0;           // problems Xapian's own check found
  std::vector<std::string> problems;  // one line each, naming the document and its path (at most kMaxProblems)
  size_t problem_count = 0;           // all of them
  size_t unreadable_records = 0;      // documents whose sidecar record cannot be read back, as a plain
                                      // index run finds too (store::SidecarReader::check)
  size_t records_needing_force = 0;   // documents whose record is of another path or content, or fails
                                      // only when parsed (a frame written before checksums)
  bool unmerged_parts = false;        // a first run was killed before merging its parts
                                      // (index/xapian_parts.hpp): their documents are not counted here, and
                                      // the next run merges them; no problem
  bool ok() const { return problem_count == 0; }
};

// How to repair what `report` found, in a sentence or two (empty when
// there is nothing a run can repair): documents with unreadable records are
// indexed again by a plain `vnindex index` over the same inputs (which
// checks every record it meets), the records_needing_force by one with
// --force.
std::string repair_advice(const VerifyReport& report);

inline constexpr size_t kMaxProblems = 1000;

// Checks the last committed state of the index at `db`: Xapian's own
// structure check passes; every document has exactly one id term, and it
// is the id term of the path in its data; no two documents share a path;
// every document's sidecar location holds a valid record (decompresses,
// parses) of that path and content hash. Read-only: safe beside searches
// and beside a running writer. Throws when the index cannot be opened.
VerifyReport verify_index(const std::filesystem::path& db);

}  // namespace vn::index
