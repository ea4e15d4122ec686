#include "io/config.hpp"

#include <gtest/gtest.h>

#include <map>

#include "test_util.hpp"

namespace {

using vn::io::ConfigError;
using vn::io::find_index;
using vn::io::index_sources;
using vn::io::read_config;

// A getenv over `vars`.
auto fake_env(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](const char* name) -> const char* {
    const auto it = vars.find(name);
    return it == vars.end() ? nullptr : it->second.c_str();
  };
}

// The ConfigError message of `f`, or "" when it does not throw one.
template <typename F>
std::string config_error(F f) {
  try {
    f();
  } catch (const ConfigError& e) {
    return e.what();
  }
  return {};
}

TEST(Config, ReadsKeysValuesCommentsAndBlankLines) {
  vn::test::TempDir dir;
  vn::test::write_file(dir / "config", "# the index\n\n  db =  /srv/index #1 \r\n   # indented comment\ndb=/last\n");
  const auto settings = read_config(dir / "config", {"db"});
  ASSERT_EQ(settings.size(), 1u);
  EXPECT_EQ(settings.at("db"), "/last");
  vn::test::write_file(dir / "config", "db = /srv/a=b #c\n");
  EXPECT_EQ(read_config(dir / "config", {"db"}).at("db"), "/srv/a=b #c");
}

TEST(Config, UnknownKeyNamesTheFileLineAndValidKeys) {
  vn::test::TempDir dir;
  vn::test::write_file(dir / "config", "db = /x\n\ndbb = /y\n");
  const std::string e = config_error([&] { read_config(dir / "config", {"db", "models"}); });
  EXPECT_NE(e.find((dir / "config").string() + " line 3"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown key \"dbb\""), std::string::npos) << e;
  EXPECT_NE(e.find("valid keys: db, models"), std::string::npos) << e;
}

TEST(Config, LineWithoutEqualsOrKeyIsAnError) {
  vn::test::TempDir dir;
  vn::test::write_file(dir / "config", "db /x\n");
  EXPECT_NE(config_error([&] { read_config(dir / "config", {"db"}); }).find("line 1: expected key = value"),
            std::string::npos);
  vn::test::write_file(dir / "config", " = /x\n");
  EXPECT_NE(config_error([&] { read_config(dir / "config", {"db"}); }).find("line 1"), std::string::npos);
}

TEST(Config, SourcesComeFromTheEnvironment) {
  auto s = index_sources("", fake_env({{"HOME", "/home/u"}, {"VNARCHIVE_DB", "/env/db"}}));
  EXPECT_EQ(s.env_db, "/env/db");
  EXPECT_EQ(s.user_config, "/home/u/.config/vnarchive/config");
  EXPECT_EQ(s.system_config, "/etc/vnarchive.conf");
  s = index_sources("/given", fake_env({{"HOME", "/home/u"}, {"XDG_CONFIG_HOME", "/xdg"}, {"VNARCHIVE_DB", ""}}));
  EXPECT_EQ(s.explicit_db, "/given");
  EXPECT_EQ(s.env_db, "");  // empty counts as unset
  EXPECT_EQ(s.user_config, "/xdg/vnarchive/config");
  EXPECT_TRUE(index_sources("", fake_env({})).user_config.empty());
}

TEST(Config, FindIndexTriesDbThenEnvThenUserThenSystemConfig) {
  vn::test::TempDir dir;
  vn::test::write_file(dir / "user/config", "db = /user/db\n");
  vn::test::write_file(dir / "system.conf", "# nothing but a comment\ndb = /system/db\n");
  vn::io::IndexSources s{"/given", "/env", dir / "user/config", dir / "system.conf", "/home/u"};
  EXPECT_EQ(find_index(s), "/given");
  s.explicit_db.clear();
  EXPECT_EQ(find_index(s), "/env");
  s.env_db.clear();
  EXPECT_EQ(find_index(s), "/user/db");
  s.user_config = dir / "absent/config";
  EXPECT_EQ(find_index(s), "/system/db");
  s.system_config = dir / "absent.conf";
  EXPECT_EQ(find_index(s), "");
}

TEST(Config, DbIsResolvedFromHomeOrTheFilesDirectory) {
  vn::test::TempDir dir;
  vn::io::IndexSources s{"", "", dir / "user/config", "", "/home/u"};
  vn::test::write_file(dir / "user/config", "db = ~/index\n");
  EXPECT_EQ(find_index(s), "/home/u/index");
  vn::test::write_file(dir / "user/config", "db = index\n");
  EXPECT_EQ(find_index(s), dir / "user/index");
  vn::test::write_file(dir / "user/config", "# no db here\n");
  EXPECT_EQ(find_index(s), "");
}

TEST(Config, BrokenConfigOnTheWayIsAnError) {
  vn::test::TempDir dir;
  vn::test::write_file(dir / "user/config", "database = /x\n");
  const vn::io::IndexSources s{"", "", dir / "user/config", "", ""};
  EXPECT_NE(config_error([&] { find_index(s); }).find("unknown key \"database\""), std::string::npos);
}

}  // namespace
