#include "io/config.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace vn::io {
namespace {

std::string_view trimmed(std::string_view s) {
  const size_t first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

std::string listed(const std::vector<std::string>& keys) {
  std::string out;
  for (const std::string& k : keys) out += (out.empty() ? "" : ", ") + k;
  return out;
}

// `db` of `config`, as a path: "~/" under `home`, relative to the file's
// directory; "" when the file is absent or has no `db`.
std::filesystem::path db_of(const std::filesystem::path& config, const std::string& home) {
  std::error_code ec;
  if (config.empty() || !std::filesystem::exists(config, ec)) return {};
  const auto settings = read_config(config, {"db"});
  const auto it = settings.find("db");
  if (it == settings.end() || it->second.empty()) return {};
  const std::string& db = it->second;
  if (db == "~" || db.rfind("~/", 0) == 0) {
    if (home.empty()) throw ConfigError(config.string() + ": db = " + db + ", but HOME is not set");
    return std::filesystem::path(home) / db.substr(db.size() > 1 ? 2 : 1);
  }
  return config.parent_path() / db;  // an absolute db stays as it is
}

}  // namespace

std::map<std::string, std::string> read_config(const std::filesystem::path& file,
                                               const std::vector<std::string>& valid_keys) {
  std::ifstream in(file);
  if (!in) throw ConfigError("cannot read " + file.string() + ": " + std::strerror(errno));
  std::map<std::string, std::string> settings;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    const std::string_view text = trimmed(line);
    if (text.empty() || text.front() == '#') continue;
    const std::string where = file.string() + " line " + std::to_string(number) + ": ";
    const size_t eq = text.find('=');
    if (eq == std::string_view::npos || trimmed(text.substr(0, eq)).empty())
      throw ConfigError(where + "expected key = value, not \"" + std::string(text) + "\"");
    const std::string key(trimmed(text.substr(0, eq)));
    if (std::find(valid_keys.begin(), valid_keys.end(), key) == valid_keys.end())
      throw ConfigError(where + "unknown key \"" + key + "\" (valid keys: " + listed(valid_keys) + ")");
    settings[key] = std::string(trimmed(text.substr(eq + 1)));
  }
  if (in.bad()) throw ConfigError("cannot read " + file.string() + ": " + std::strerror(errno));
  return settings;
}

IndexSources index_sources(std::string explicit_db, const std::function<const char*(const char*)>& getenv) {
  auto var = [&](const char* name) {
    const char* v = getenv(name);
    return std::string(v ? v : "");
  };
  IndexSources s{std::move(explicit_db), var("VNARCHIVE_DB"), {}, "/etc/vnarchive.conf", var("HOME")};
  const std::string xdg = var("XDG_CONFIG_HOME");
  if (!xdg.empty()) s.user_config = std::filesystem::path(xdg) / "vnarchive" / "config";
  else if (!s.home.empty()) s.user_config = std::filesystem::path(s.home) / ".config" / "vnarchive" / "config";
  return s;
}

std::filesystem::path find_index(const IndexSources& s) {
  if (!s.explicit_db.empty()) return s.explicit_db;
  if (!s.env_db.empty()) return s.env_db;
  if (auto db = db_of(s.user_config, s.home); !db.empty()) return db;
  return db_of(s.system_config, s.home);
}

}  // namespace vn::io
