#include "version/version.hpp"

#include <gtest/gtest.h>

#include "index/build_mode.hpp"
#include "restore/model_dir.hpp"
#include "test_util.hpp"

using vn::version::version_text;

TEST(Version, NamesProgramVersionCommitAndModelsWithTheirId) {
  const auto dir = vn::restore::default_model_dir();
  const std::string id = vn::index::build_mode_of(true, dir).models.substr(0, 16);
  const std::string expected = "vnindex " + std::string(vn::version::project_version()) + " (git " +
                               std::string(vn::version::git_commit()) + ")\nmodels: " + dir.string() + " (id " + id +
                               ")";
  EXPECT_EQ(version_text("vnindex"), expected);
  EXPECT_FALSE(vn::version::project_version().empty());
  EXPECT_FALSE(vn::version::git_commit().empty());
}

TEST(Version, MissingModelsAreSaidNotFatal) {
  vn::test::TempDir tmp;
  const std::string gone = version_text("vnsearch", tmp / "gone");
  EXPECT_EQ(gone.substr(gone.find('\n') + 1), "models: " + (tmp / "gone").string() + " (missing: no such directory)");
  const std::string text = version_text("vnsearch", tmp.path());  // a directory without the model files
  EXPECT_NE(text.find("(unreadable: cannot read model file"), std::string::npos) << text;
}
