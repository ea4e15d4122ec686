#include "restore/model_dir.hpp"

#include <gtest/gtest.h>

#include "test_util.hpp"

using vn::restore::choose_model_dir;
namespace fs = std::filesystem;

namespace {

// An installed tree: root/usr/bin/vnindex and root/usr/share/vnarchive/models/.
struct InstalledTree {
  vn::test::TempDir root;
  fs::path binary = root / "usr/bin/vnindex";
  fs::path models = root / "usr/share/vnarchive/models";
  InstalledTree() {
    vn::test::write_file(binary, "");
    fs::create_directories(models);
  }
};

constexpr const char* kRelative = "../share/vnarchive/models";

}  // namespace

TEST(ModelDir, EnvironmentOverridesEverything) {
  InstalledTree tree;
  EXPECT_EQ(choose_model_dir("/elsewhere/models", tree.binary, kRelative, "/src/models"), "/elsewhere/models");
}

TEST(ModelDir, InstalledModelsBesideTheBinaryWhenNoEnvironment) {
  InstalledTree tree;
  EXPECT_EQ(choose_model_dir(nullptr, tree.binary, kRelative, "/src/models"), tree.models);
  EXPECT_EQ(choose_model_dir("", tree.binary, kRelative, "/src/models"), tree.models);  // empty counts as unset
}

TEST(ModelDir, SourceTreeWhenNothingIsInstalledBesideTheBinary) {
  InstalledTree tree;
  fs::remove_all(tree.models);
  EXPECT_EQ(choose_model_dir(nullptr, tree.binary, kRelative, "/src/models"), "/src/models");
  EXPECT_EQ(choose_model_dir(nullptr, fs::path(), kRelative, "/src/models"), "/src/models");  // binary unknown
}

TEST(ModelDir, AFileWhereTheModelsShouldBeIsNoModelDirectory) {
  InstalledTree tree;
  fs::remove_all(tree.models);
  vn::test::write_file(tree.models, "not a directory");
  EXPECT_EQ(choose_model_dir(nullptr, tree.binary, kRelative, "/src/models"), "/src/models");
}

TEST(ModelDir, TheBuildTreeBinariesUseTheSourceTreeModels) {
  // unit_tests runs from build/tests/, where nothing is installed.
  if (const char* env = std::getenv("VNARCHIVE_MODELS"); env && *env) GTEST_SKIP() << "VNARCHIVE_MODELS is set";
  const fs::path dir = vn::restore::default_model_dir();
  EXPECT_EQ(dir.filename(), "models");
  EXPECT_TRUE(fs::exists(dir / "lm.bin")) << dir;
}
