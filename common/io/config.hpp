// The configuration file, and where the default index comes from.
//
// Format: one setting a line, `key = value` (white space around either is
// ignored; the value is the rest of the line, so it may hold '=' or '#'),
// lines whose first non-blank character is '#' are comments, blank lines
// are skipped. Keys: `db`, the index directory (an absolute path, "~/..."
// under $HOME, or a path relative to the directory of the file).
#pragma once
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vn::io {

// A config file that cannot be read or has a line it does not accept; the
// message names the file and line.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The settings of `file`, by key (a key given twice: the last). Throws
// ConfigError for an unreadable file, a line that is not `key = value`,
// or a key not in `valid_keys` (the message lists them).
std::map<std::string, std::string> read_config(const std::filesystem::path& file,
                                               const std::vector<std::string>& valid_keys);

// Where the index may be given, in the order find_index() tries them.
struct IndexSources {
  std::string explicit_db;                // --db
  std::string env_db;                     // $VNARCHIVE_DB
  std::filesystem::path user_config;      // ${XDG_CONFIG_HOME:-$HOME/.config}/vnarchive/config ("" without either)
  std::filesystem::path system_config;    // /etc/vnarchive.conf
  std::string home;                       // $HOME, for "~/" in config values
};

// The sources for `explicit_db` and the environment that `getenv` reads
// (an empty variable counts as unset).
IndexSources index_sources(std::string explicit_db,
                           const std::function<const char*(const char*)>& getenv = [](const char* name) {
                             return std::getenv(name);
                           });

// The index directory: --db, else $VNARCHIVE_DB, else `db` of the user's
// config file, else of the system's; "" when none gives one. A missing
// config file is passed over; a broken one throws ConfigError.
std::filesystem::path find_index(const IndexSources& sources);

}  // namespace vn::io
