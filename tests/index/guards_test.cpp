// The guards of a nightly run (issue 10): a --prune over an archive that
// looks emptied is refused past a limit, and a run in another build mode
// than the index's (--no-restore, other models) is refused without --force.
// Both refuse before anything is written.
#include <gtest/gtest.h>
#include <xapian.h>

#include "index/build_mode.hpp"
#include "index/index_test_util.hpp"
#include "index/removal_limit.hpp"
#include "index/verify.hpp"
#include "restore/restorer.hpp"
#include "store/schema.hpp"

using namespace vn;
namespace fs = std::filesystem;

namespace {

index::IndexStats index_with(const fs::path& db, const fs::path& src, bool restore, const fs::path& models = {},
                             bool force = false) {
  index::IndexOptions o;
  o.db = db;
  o.inputs = {src.string()};
  o.threads = 2;
  o.restore = restore;
  o.models = models;
  o.force = force;
  return index::run_index(o, nullptr);
}

index::IndexStats prune_with(const fs::path& db, const fs::path& src, index::RemovalLimit limit) {
  index::IndexOptions o;
  o.db = db;
  o.inputs = {src.string()};
  o.restore = false;
  o.prune = true;
  o.max_remove = limit;
  return index::run_index(o, nullptr);
}

}  // namespace

TEST(RemovalLimit, ParsesCountsAndPercentagesAndRefusesTheRest) {
  using index::RemovalLimit;
  EXPECT_EQ(RemovalLimit::parse("300").allowed(1000), 300u);
  EXPECT_EQ(RemovalLimit::parse("10%").allowed(1000), 100u);
  EXPECT_EQ(RemovalLimit::parse("100%").allowed(7), 7u);
  EXPECT_EQ(RemovalLimit::parse("0").allowed(1000), 0u);
  EXPECT_EQ(RemovalLimit{}.allowed(100), 20u);      // the floor
  EXPECT_EQ(RemovalLimit{}.allowed(10000), 500u);   // 5 %
  for (const char* bad : {"", "%", "-1", "10x", "101%", "5 %", "1e3"})
    EXPECT_THROW(RemovalLimit::parse(bad), std::invalid_argument) << bad;
}

TEST(Guards, APruneOverAnEmptiedArchiveIsRefusedAndChangesNothing) {
  test::TempDir src, db;
  test::write_docs(src.path(), 40, "một");
  test::index_tree(db.path(), src.path(), {.restore = false});
  for (int i = 0; i < 40; ++i) fs::remove(src / ("d" + std::to_string(i) + ".txt"));  // as if not mounted
  test::write_file(src / "new.txt", "Văn bản mới");

  try {
    prune_with(db.path(), src.path(), {});
    FAIL() << "the prune was not refused";
  } catch (const index::TooManyRemovals& e) {
    EXPECT_NE(std::string(e.what()).find("would remove 40 of the 40 indexed documents (100%)"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("--max-remove 100%"), std::string::npos) << e.what();
  }
  EXPECT_EQ(test::documents_in(db.path()), 40u);  // nothing removed, and new.txt not indexed either
  EXPECT_THROW(prune_with(db.path(), src.path(), index::RemovalLimit::parse("39")), index::TooManyRemovals);
  EXPECT_THROW(prune_with(db.path(), src.path(), index::RemovalLimit::parse("90%")), index::TooManyRemovals);

  const auto s = prune_with(db.path(), src.path(), index::RemovalLimit::parse("100%"));
  EXPECT_EQ(s.count(index::Outcome::kRemoved), 40u);
  EXPECT_EQ(test::documents_in(db.path()), 1u);
}

TEST(Guards, APruneWithinTheLimitGoesAhead) {
  test::TempDir src, db;
  test::write_docs(src.path(), 40, "một");
  test::index_tree(db.path(), src.path(), {.restore = false});
  for (int i = 0; i < 20; ++i) fs::remove(src / ("d" + std::to_string(i) + ".txt"));
  EXPECT_EQ(prune_with(db.path(), src.path(), {}).count(index::Outcome::kRemoved), 20u);  // 50 %, but within the floor of 20
}

TEST(Guards, ARunInAnotherBuildModeIsRefusedUnlessForced) {
  test::TempDir src, db, other_models;
  test::write_docs(src.path(), 5, "một");
  index_with(db.path(), src.path(), /*restore=*/true);
  test::write_docs(src.path(), 5, "hai");  // work to do

  try {
    index_with(db.path(), src.path(), /*restore=*/false);
    FAIL() << "a --no-restore run on a restored index was not refused";
  } catch (const index::BuildModeMismatch& e) {
    EXPECT_NE(std::string(e.what()).find("was built restored with models"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("this run is not restored"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("--force"), std::string::npos) << e.what();
  }
  // Other models (the same files, one changed) are another mode too.
  fs::copy(restore::default_model_dir(), other_models.path(), fs::copy_options::recursive);
  test::write_file(other_models / "code_parts.tsv", test::read_file(other_models / "code_parts.tsv") + "\n");
  EXPECT_THROW(index_with(db.path(), src.path(), true, other_models.path()), index::BuildModeMismatch);
  // Nothing was written by the refused runs: the documents are still version "một".
  EXPECT_EQ(index_with(db.path(), src.path(), true).documents, 5u);

  // --force rebuilds in the new mode, which the index then keeps.
  test::write_docs(src.path(), 5, "ba");
  EXPECT_EQ(index_with(db.path(), src.path(), false, {}, /*force=*/true).documents, 5u);
  test::write_docs(src.path(), 5, "bốn");
  EXPECT_EQ(index_with(db.path(), src.path(), false).documents, 5u);
  EXPECT_THROW(index_with(db.path(), src.path(), true), index::BuildModeMismatch);
  EXPECT_TRUE(index::verify_index(db.path()).ok());
}

TEST(Guards, TheSameModelsElsewhereAreTheSameMode) {
  test::TempDir src, db, copy;
  test::write_docs(src.path(), 3, "một");
  index_with(db.path(), src.path(), true);
  fs::copy(restore::default_model_dir(), copy.path(), fs::copy_options::recursive);
  test::write_docs(src.path(), 3, "hai");
  EXPECT_EQ(index_with(db.path(), src.path(), true, copy.path()).documents, 3u);
}

TEST(Guards, AnIndexWithoutAStoredModeTakesTheRunsMode) {
  test::TempDir src, db;
  test::write_docs(src.path(), 3, "một");
  index_with(db.path(), src.path(), false);
  {  // as an index made before build modes were stored
    Xapian::WritableDatabase x(store::schema::xapian_dir(db.path()).string());
    x.set_metadata(std::string(store::schema::kBuildModeKey), "");
    x.commit();
  }
  test::write_docs(src.path(), 3, "hai");
  EXPECT_EQ(index_with(db.path(), src.path(), false).documents, 3u);
  EXPECT_THROW(index_with(db.path(), src.path(), true), index::BuildModeMismatch);
}

TEST(BuildMode, RoundTripsAndRefusesWhatItDoesNotKnow) {
  const index::BuildMode restored{true, "0123456789abcdef0123456789abcdef", {}}, plain{false, {}, {}};
  const index::BuildMode adapted{true, "0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210"};
  EXPECT_EQ(index::BuildMode::decode(restored.encode()), restored);
  EXPECT_EQ(index::BuildMode::decode(plain.encode()), plain);
  EXPECT_EQ(index::BuildMode::decode(adapted.encode()), adapted);
  EXPECT_EQ(restored.encode(), "restore 0123456789abcdef0123456789abcdef");  // as indexes before adaptation stored it
  EXPECT_EQ(plain.describe(), "not restored");
  EXPECT_EQ(restored.describe(), "restored with models 0123456789abcdef (their own OCR channel)");
  EXPECT_EQ(adapted.describe(),
            "restored with models 0123456789abcdef (OCR channel adapted to the archive: fedcba9876543210)");
  EXPECT_THROW(index::BuildMode::decode("restore-v9"), std::runtime_error);
}
