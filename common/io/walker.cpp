#include "io/walker.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace vn::io {
namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

const char* kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return "FIFO";
  if (S_ISCHR(mode)) return "character device";
  if (S_ISBLK(mode)) return "block device";
  if (S_ISSOCK(mode)) return "socket";
  return "not a regular file";
}

// Files the walk meets: taken, skipped (not a regular file) or in error.
// stat() follows links: a link to a regular file is that file.
void take(const fs::path& p, const std::string& shown, size_t root_length, WalkResult& out) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) {
    out.errors.push_back({shown, std::strerror(errno)});
  } else if (!S_ISREG(st.st_mode)) {
    out.skipped.push_back({shown, kind_of(st.st_mode)});
  } else {
    out.entries.push_back({p.string(), static_cast<uint64_t>(st.st_size), st.st_mtim.tv_sec, root_length});
  }
}

// Why a symbolic link met inside `root` is not read.
std::string link_reason(const fs::path& link, const fs::path& root) {
  std::error_code ec;
  const fs::path target = fs::canonical(link, ec);
  if (ec) return "broken symbolic link (" + ec.message() + ")";
  const fs::path canonical_root = fs::canonical(root, ec);
  const std::string t = target.string(), r = canonical_root.string();
  if (ec || t.compare(0, r.size(), r) != 0 || (t.size() > r.size() && t[r.size()] != '/'))
    return "symbolic link out of the tree (to " + t + ")";
  return "symbolic link (its target " + t + " is indexed under its own name)";
}

void walk_directory(const fs::path& root, WalkResult& out) {
  std::error_code ec;
  fs::recursive_directory_iterator it(root, ec);
  if (ec) {
    out.errors.push_back({root.string(), "cannot list directory: " + ec.message()});
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      out.errors.push_back({it->path().string(), "cannot list directory: " + ec.message()});
      ec.clear();
      continue;
    }
    const fs::directory_entry& entry = *it;
    if (entry.is_directory(ec) && !entry.is_symlink(ec)) {
      // Report a directory the walk cannot enter instead of passing it by.
      if (::access(entry.path().c_str(), R_OK | X_OK) != 0) {
        out.errors.push_back({entry.path().string(), std::string("cannot list directory: ") + std::strerror(errno)});
        it.disable_recursion_pending();
      }
      continue;
    }
    if (!is_indexable_name(entry.path().filename().string())) continue;
    if (entry.is_symlink(ec)) {
      out.skipped.push_back({entry.path().string(), link_reason(entry.path(), root)});
      continue;
    }
    take(entry.path(), entry.path().string(), root.string().size(), out);
  }
}

}  // namespace

bool is_indexable_name(const std::string& name) { return ends_with(name, ".txt") || ends_with(name, ".txt.zst"); }

std::string normal_input_path(const std::string& input) { return fs::absolute(fs::path(input)).lexically_normal().string(); }

bool lies_under(const std::string& path, const std::string& root) {
  if (path.size() < root.size() || path.compare(0, root.size(), root) != 0) return false;
  return path.size() == root.size() || root.back() == '/' || path[root.size()] == '/';
}

WalkResult walk_inputs(const std::vector<std::string>& inputs) {
  WalkResult out;
  for (const std::string& input : inputs) {
    const fs::path p = normal_input_path(input);
    std::error_code ec;
    const auto status = fs::status(p, ec);
    if (ec || !fs::exists(status)) {
      out.errors.push_back({input, "no such file or directory"});
    } else if (fs::is_directory(status)) {
      walk_directory(p, out);
    } else {
      take(p, input, 0, out);
    }
  }
  auto& v = out.entries;
  std::sort(v.begin(), v.end(), [](const SourceEntry& a, const SourceEntry& b) { return a.path < b.path; });
  v.erase(std::unique(v.begin(), v.end(), [](const SourceEntry& a, const SourceEntry& b) { return a.path == b.path; }),
          v.end());
  return out;
}

uint64_t total_bytes(const std::vector<SourceEntry>& entries) {
  uint64_t total = 0;
  for (const SourceEntry& e : entries) total += e.size;
  return total;
}

}  // namespace vn::io
