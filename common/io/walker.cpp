#include "io/walker.hpp"

#include <sys/stat.h>

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

// stat() follows links: a link to a regular file is that file.
bool stat_regular(const fs::path& p, SourceEntry& e, std::string& reason) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) {
    reason = std::strerror(errno);
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    reason = "not a regular file";
    return false;
  }
  e.path = p.string();
  e.size = static_cast<uint64_t>(st.st_size);
  e.mtime = st.st_mtim.tv_sec;
  return true;
}

void walk_directory(const fs::path& root, std::vector<SourceEntry>& out, std::vector<FileError>& errors) {
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    errors.push_back({root.string(), "cannot list directory: " + ec.message()});
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      errors.push_back({it->path().string(), "cannot list directory: " + ec.message()});
      ec.clear();
      continue;
    }
    const fs::directory_entry& entry = *it;
    if (entry.is_directory(ec) || !is_indexable_name(entry.path().filename().string())) continue;
    SourceEntry e;
    std::string reason;
    if (stat_regular(entry.path(), e, reason)) {
      out.push_back(std::move(e));
    } else if (reason != "not a regular file") {
      errors.push_back({entry.path().string(), reason});
    }
  }
}

}  // namespace

bool is_indexable_name(const std::string& name) { return ends_with(name, ".txt") || ends_with(name, ".txt.zst"); }

std::vector<SourceEntry> walk_inputs(const std::vector<std::string>& inputs, std::vector<FileError>& errors) {
  std::vector<SourceEntry> out;
  for (const std::string& input : inputs) {
    const fs::path p = fs::absolute(fs::path(input)).lexically_normal();
    std::error_code ec;
    const auto status = fs::status(p, ec);
    if (ec || !fs::exists(status)) {
      errors.push_back({input, "no such file or directory"});
    } else if (fs::is_directory(status)) {
      walk_directory(p, out, errors);
    } else {
      SourceEntry e;
      std::string reason;
      if (stat_regular(p, e, reason)) out.push_back(std::move(e));
      else errors.push_back({input, reason});
    }
  }
  std::sort(out.begin(), out.end(), [](const SourceEntry& a, const SourceEntry& b) { return a.path < b.path; });
  out.erase(std::unique(out.begin(), out.end(), [](const SourceEntry& a, const SourceEntry& b) { return a.path == b.path; }),
            out.end());
  return out;
}

}  // namespace vn::io
