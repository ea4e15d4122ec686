// Sharded indexing (index/shard.hpp): the N shards of a tree hold every
// file once, name their sidecar files apart, and keep to their shard.
#include "index/shard.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <set>

#include "index/index_test_util.hpp"
#include "index/verify.hpp"
#include "store/sidecar.hpp"

using namespace vn;
namespace fs = std::filesystem;

namespace {

std::set<std::string> indexed_paths(const fs::path& db) {
  Xapian::Database x(store::schema::xapian_dir(db).string());
  std::set<std::string> paths;
  for (auto it = x.allterms_begin(std::string(store::schema::kIdPrefix)); it != x.allterms_end(std::string(store::schema::kIdPrefix)); ++it)
    paths.insert(*it);
  return paths;
}

std::set<std::string> sidecar_files(const fs::path& db) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(store::schema::sidecar_dir(db)))
    if (store::is_sidecar_file_name(e.path().filename().string())) names.insert(e.path().filename().string());
  return names;
}

}  // namespace

TEST(Shard, ParsesKOfNAndRefusesTheRest) {
  EXPECT_EQ(index::Shard::parse("2/4"), (index::Shard{2, 4}));
  EXPECT_EQ(index::Shard::parse("1/1"), index::Shard{});
  for (const char* bad : {"0/4", "5/4", "2", "2/", "/4", "2/4x", "a/b", "-1/4", "1/0", "1/2000", ""})
    EXPECT_THROW(index::Shard::parse(bad), std::invalid_argument) << bad;
  EXPECT_EQ(index::Shard::decode(index::Shard{3, 8}.encode()), (index::Shard{3, 8}));
  EXPECT_EQ(index::Shard::decode(""), index::Shard{});
}

TEST(Shard, EveryPathFallsInExactlyOneShardAndTheShardsAreEven) {
  std::vector<size_t> per_shard(4);
  for (int i = 0; i < 4000; ++i) {
    const std::string path = "/srv/archive/" + std::to_string(i) + ".txt";
    int holders = 0;
    for (unsigned k = 1; k <= 4; ++k)
      if (index::Shard{k, 4}.holds(path)) ++holders, ++per_shard[k - 1];
    EXPECT_EQ(holders, 1) << path;
  }
  for (size_t n : per_shard) EXPECT_NEAR(static_cast<double>(n), 1000.0, 100.0);
}

TEST(Shard, TheShardsOfATreeHoldItsFilesOnceAndNameTheirSidecarFilesApart) {
  test::TempDir src, whole, a, b, c;
  test::write_docs(src.path(), 60, "một");
  test::index_tree(whole.path(), src.path(), {.restore = false});
  std::set<std::string> all, files;
  size_t total = 0;
  for (auto [db, k] : {std::pair{&a, 1u}, {&b, 2u}, {&c, 3u}}) {
    const auto stats = test::index_tree(db->path(), src.path(), {.restore = false, .shard = {k, 3}});
    EXPECT_EQ(stats.files, stats.documents);
    EXPECT_GT(stats.documents, 5u);
    total += stats.documents;
    for (const auto& p : indexed_paths(db->path())) EXPECT_TRUE(all.insert(p).second) << p;
    for (const auto& f : sidecar_files(db->path())) EXPECT_TRUE(files.insert(f).second) << f;
    EXPECT_TRUE(index::verify_index(db->path()).ok());
  }
  EXPECT_EQ(total, 60u);
  EXPECT_EQ(all, indexed_paths(whole.path()));
}

TEST(Shard, ARunOfAnotherShardOverAnIndexIsRefusedAndChangesNothing) {
  test::TempDir src, db;
  test::write_docs(src.path(), 20, "một");
  const auto first = test::index_tree(db.path(), src.path(), {.restore = false, .shard = {1, 2}});
  for (index::Shard other : {index::Shard{2, 2}, index::Shard{1, 4}, index::Shard{}}) {
    try {
      test::index_tree(db.path(), src.path(), {.restore = false, .shard = other});
      ADD_FAILURE() << "not refused: " << other.encode();
    } catch (const index::ShardMismatch& e) {
      EXPECT_NE(std::string(e.what()).find("holds shard 1/2"), std::string::npos) << e.what();
    }
  }
  EXPECT_EQ(test::documents_in(db.path()), first.documents);
  // The same shard again: nothing to do.
  EXPECT_EQ(test::index_tree(db.path(), src.path(), {.restore = false, .shard = {1, 2}}).documents, 0u);
}
