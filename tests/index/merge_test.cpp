// Merging indexes (index/merge.hpp): the shards of a tree merged answer as
// the tree indexed whole; what cannot be merged is refused before anything
// is written.
#include "index/merge.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <set>

#include "index/index_test_util.hpp"
#include "index/verify.hpp"
#include "index/writer_lock.hpp"
#include "store/document_data.hpp"
#include "store/sidecar.hpp"

using namespace vn;
namespace fs = std::filesystem;

namespace {

Xapian::Database xapian_of(const fs::path& db) { return Xapian::Database(store::schema::xapian_dir(db).string()); }

std::set<std::string> id_terms(const fs::path& db) {
  const Xapian::Database x = xapian_of(db);
  const std::string q(store::schema::kIdPrefix);
  std::set<std::string> terms;
  for (auto it = x.allterms_begin(q); it != x.allterms_end(q); ++it) terms.insert(*it);
  return terms;
}

// The documents matching `query` in `db`: their paths, and their weights.
std::map<std::string, double> matches(const fs::path& db, const Xapian::Query& query) {
  const Xapian::Database x = xapian_of(db);
  Xapian::Enquire enquire(x);
  enquire.set_query(query);
  std::map<std::string, double> found;
  const Xapian::MSet mset = enquire.get_mset(0, x.get_doccount());
  for (auto it = mset.begin(); it != mset.end(); ++it)
    found[store::decode_document_data(it.get_document().get_data()).path] = it.get_weight();
  return found;
}

// Every document's record, read back from the index's own sidecar, is of its path.
void expect_records_readable(const fs::path& db) {
  const Xapian::Database x = xapian_of(db);
  const store::SidecarReader reader(store::schema::sidecar_dir(db));
  for (auto it = x.postlist_begin(""); it != x.postlist_end(""); ++it) {
    const store::DocumentData data = store::decode_document_data(x.get_document(*it).get_data());
    EXPECT_EQ(reader.read(data.sidecar).path, data.path);
  }
}

// `src` indexed as `n` shards into dir/s1 .. dir/s<n>.
std::vector<fs::path> index_shards(const fs::path& dir, const fs::path& src, unsigned n, test::TreeRun run = {.restore = false}) {
  std::vector<fs::path> shards;
  for (unsigned k = 1; k <= n; ++k) {
    shards.push_back(dir / ("s" + std::to_string(k)));
    run.shard = {k, n};
    test::index_tree(shards.back(), src, run);
  }
  return shards;
}

// The message merging `shards` into `out` is refused with (fails when it is not).
std::string refusal(const fs::path& out, const std::vector<fs::path>& shards) {
  try {
    index::merge_indexes(out, shards);
  } catch (const index::MergeRefused& e) {
    return e.what();
  }
  ADD_FAILURE() << "not refused";
  return "";
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

TEST(Merge, ThreeShardsMergedAnswerAsTheWholeTree) {
  test::TempDir src, whole, dir;
  test::write_docs(src.path(), 60, "một");
  test::write_file(src.path() / "long.txt", "Quyết định về công tác chuyển đổi số của tỉnh, số 12 năm 2025, công tác số");
  auto t0 = std::chrono::steady_clock::now();
  test::index_tree(whole.path(), src.path(), {.restore = false});
  const double whole_seconds = seconds_since(t0);
  t0 = std::chrono::steady_clock::now();
  const std::vector<fs::path> shards = index_shards(dir.path(), src.path(), 3);
  const double shard_seconds = seconds_since(t0);
  const fs::path merged = dir.path() / "merged";
  const index::MergeStats stats = index::merge_indexes(merged, shards);
  std::printf("indexing whole %.3f s, as 3 shards %.3f s, merging %.3f s\n", whole_seconds, shard_seconds, stats.seconds);

  EXPECT_EQ(stats.shards, 3u);
  EXPECT_EQ(stats.partial_shards, "");
  EXPECT_EQ(stats.documents, 61u);
  EXPECT_EQ(stats.stopped_by, 0);
  EXPECT_EQ(stats.files_linked + stats.files_copied, 3u);  // a sidecar file each (too small for a dictionary)
  EXPECT_TRUE(index::verify_index(merged).ok());
  EXPECT_EQ(test::documents_in(merged), test::documents_in(whole.path()));
  EXPECT_EQ(id_terms(merged), id_terms(whole.path()));
  expect_records_readable(merged);
  EXPECT_FALSE(fs::exists(merged.string() + ".merging"));
  for (const char* word : {"XFcong", "XFso", "XFquyet", "XF12"}) {
    const auto want = matches(whole.path(), Xapian::Query(word));
    const auto got = matches(merged, Xapian::Query(word));
    ASSERT_EQ(got.size(), want.size()) << word;
    for (const auto& [path, weight] : want) {
      ASSERT_TRUE(got.count(path)) << word << " " << path;
      EXPECT_NEAR(got.at(path), weight, 1e-9) << word << " " << path;
    }
  }
  const Xapian::Query phrase(Xapian::Query::OP_OR, Xapian::Query("XFchuyen"), Xapian::Query("XFtinh"));
  EXPECT_EQ(matches(merged, phrase), matches(whole.path(), phrase));

  // Taken as the whole archive: a plain run over the tree finds nothing to do.
  EXPECT_TRUE(xapian_of(merged).get_metadata(std::string(store::schema::kShardKey)).empty());
  EXPECT_EQ(xapian_of(merged).get_metadata(std::string(store::schema::kBuildModeKey)), "no-restore");
  const auto rerun = test::index_tree(merged, src.path(), {.restore = false});
  EXPECT_EQ(rerun.documents, 0u);
  EXPECT_EQ(rerun.files, 61u);
  // And a change is indexed into it, in a sidecar file of a new name.
  test::write_file(src.path() / "d3.txt", "Báo cáo mới về chuyển đổi số");
  EXPECT_EQ(test::index_tree(merged, src.path(), {.restore = false}).documents, 1u);
  EXPECT_TRUE(index::verify_index(merged).ok());
  // The shards are as they were (the merged index shares their files).
  for (const fs::path& s : shards) EXPECT_TRUE(index::verify_index(s).ok());
}

TEST(Merge, RestoredShardsMergeAndRerunUnchanged) {
  test::TempDir src, dir;
  test::write_docs(src.path(), 6, "hai");
  test::write_file(src.path() / "x.txt", "Pang bo tinh 1an thir XIX ve cong tac chuyen doi so");
  const std::vector<fs::path> shards = index_shards(dir.path(), src.path(), 2, {});
  const fs::path merged = dir.path() / "merged";
  EXPECT_EQ(index::merge_indexes(merged, shards).documents, 7u);
  EXPECT_TRUE(index::verify_index(merged).ok());
  EXPECT_EQ(xapian_of(merged).get_metadata(std::string(store::schema::kBuildModeKey)),
            xapian_of(shards[0]).get_metadata(std::string(store::schema::kBuildModeKey)));
  EXPECT_EQ(test::index_tree(merged, src.path()).documents, 0u);
}

TEST(Merge, TheFailureMemoriesAreJoined) {
  test::TempDir src, dir;
  test::write_docs(src.path(), 20, "ba");
  for (int i = 0; i < 6; ++i) test::write_file(src.path() / ("bad" + std::to_string(i) + ".txt"), std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0", 12));
  const std::vector<fs::path> shards = index_shards(dir.path(), src.path(), 2);
  const fs::path merged = dir.path() / "merged";
  const index::MergeStats stats = index::merge_indexes(merged, shards);
  EXPECT_EQ(stats.failures_remembered, 6u);
  const auto rerun = test::index_tree(merged, src.path(), {.restore = false});
  EXPECT_EQ(rerun.documents, 0u);
  EXPECT_EQ(rerun.known_failed, stats.failures_remembered);
  EXPECT_EQ(rerun.errors.size(), stats.failures_remembered);
}

TEST(Merge, AStopLeavesNothingAtTheOutput) {
  test::TempDir src, dir;
  test::write_docs(src.path(), 10, "bốn");
  const std::vector<fs::path> shards = index_shards(dir.path(), src.path(), 2);
  index::StopRequest stop;
  stop.request(15);
  const fs::path merged = dir.path() / "merged";
  EXPECT_EQ(index::merge_indexes(merged, shards, &stop).stopped_by, 15);
  EXPECT_FALSE(fs::exists(merged));
  EXPECT_FALSE(fs::exists(merged.string() + ".merging"));
  // A crash's leftover is cleared by the next merge; an empty directory is taken.
  fs::create_directories(merged.string() + ".merging/xapian");
  fs::create_directories(merged);
  EXPECT_EQ(index::merge_indexes(merged, shards).documents, 10u);
  EXPECT_FALSE(fs::exists(merged.string() + ".merging"));
}

TEST(Merge, RefusesWhatCannotBeMergedAndWritesNothing) {
  test::TempDir a_src, b_src, dir;
  test::write_docs(a_src.path(), 8, "năm");
  test::write_docs(b_src.path(), 8, "sáu");
  const fs::path out = dir.path() / "out";
  const std::vector<fs::path> shards = index_shards(dir.path(), a_src.path(), 2);

  test::write_file(out / "note.txt", "x");
  EXPECT_NE(refusal(out, shards).find("is not empty"), std::string::npos);
  fs::remove_all(out);
  EXPECT_NE(refusal(out, {}).find("no indexes"), std::string::npos);
  EXPECT_NE(refusal(out, {shards[0], dir.path()}).find("not a vnarchive index"), std::string::npos);
  EXPECT_NE(refusal(out, {shards[0], shards[0].string() + "/"}).find("given twice"), std::string::npos);
  EXPECT_NE(refusal(shards[0] / "sub", shards).find("lies inside the index"), std::string::npos);

  {  // A writer at work on a shard.
    const index::WriterLock writer(shards[1]);
    EXPECT_THROW(index::merge_indexes(out, shards), index::IndexBusy);
  }

  // Built differently: one shard restored.
  test::index_tree(dir.path() / "r2", a_src.path(), {.shard = {2, 2}});
  const std::string modes = refusal(out, {shards[0], dir.path() / "r2"});
  EXPECT_NE(modes.find("built differently"), std::string::npos) << modes;
  EXPECT_NE(modes.find("not restored"), std::string::npos) << modes;

  // The same paths twice.
  test::index_tree(dir.path() / "a1", a_src.path(), {.restore = false});
  test::index_tree(dir.path() / "a2", a_src.path(), {.restore = false});
  const std::string twice = refusal(out, {dir.path() / "a1", dir.path() / "a2"});
  EXPECT_NE(twice.find("both hold " + (a_src.path() / "d0.txt").string()), std::string::npos) << twice;

  // Two indexes made apart name their sidecar files alike.
  test::index_tree(dir.path() / "b", b_src.path(), {.restore = false});
  const std::string names = refusal(out, {dir.path() / "a1", dir.path() / "b"});
  EXPECT_NE(names.find("both hold the sidecar file 000000.vsc"), std::string::npos) << names;
  EXPECT_NE(names.find("--shard K/N"), std::string::npos) << names;

  EXPECT_FALSE(fs::exists(out));
  EXPECT_FALSE(fs::exists(out.string() + ".merging"));
  for (const fs::path& s : shards) EXPECT_TRUE(index::verify_index(s).ok());
}

TEST(Merge, ChannelFilesAndDictionariesAreBroughtOnceAndDifferentDictionariesOfOneIdRefused) {
  test::TempDir src, dir;
  test::write_docs(src.path(), 10, "bảy");
  const std::vector<fs::path> shards = index_shards(dir.path(), src.path(), 2);
  test::write_file(store::schema::channel_file(shards[0], "aaa"), "a");
  test::write_file(store::schema::channel_file(shards[1], "aaa"), "a");
  test::write_file(store::schema::channel_file(shards[1], "bbb"), "b");
  for (const fs::path& s : shards) test::write_file(store::schema::sidecar_dir(s) / "dict-7.zdict", "same");
  const fs::path merged = dir.path() / "merged";
  const index::MergeStats stats = index::merge_indexes(merged, shards);
  EXPECT_EQ(stats.files_linked + stats.files_copied, 5u);  // 2 sidecar files, 1 dictionary, 2 channels
  EXPECT_EQ(test::read_file(store::schema::channel_file(merged, "aaa")), "a");
  EXPECT_EQ(test::read_file(store::schema::channel_file(merged, "bbb")), "b");
  EXPECT_EQ(test::read_file(store::schema::sidecar_dir(merged) / "dict-7.zdict"), "same");
  EXPECT_TRUE(index::verify_index(merged).ok());

  test::write_file(store::schema::sidecar_dir(shards[1]) / "dict-7.zdict", "other");
  const std::string refused = refusal(dir.path() / "again", shards);
  EXPECT_NE(refused.find("different dictionaries of one id (sidecar/dict-7.zdict)"), std::string::npos) << refused;
}

TEST(Merge, SomeShardsOfASetMergeWithANoteAndAPlainRunAddsTheRest) {
  test::TempDir src, dir;
  test::write_docs(src.path(), 30, "tám");
  const std::vector<fs::path> shards = index_shards(dir.path(), src.path(), 3);
  const fs::path merged = dir.path() / "merged";
  const index::MergeStats stats = index::merge_indexes(merged, {shards[0], shards[2]});
  EXPECT_EQ(stats.partial_shards, "1/3, 3/3");
  const size_t left_out = test::documents_in(shards[1]);
  EXPECT_EQ(stats.documents, 30 - left_out);
  EXPECT_EQ(test::index_tree(merged, src.path(), {.restore = false}).documents, left_out);
  EXPECT_EQ(test::documents_in(merged), 30u);
  EXPECT_TRUE(index::verify_index(merged).ok());
}

TEST(Merge, OnAnotherFileSystemTheFilesAreCopied) {
  struct stat tmp {}, shm {};
  if (::stat(fs::temp_directory_path().c_str(), &tmp) != 0 || ::stat("/dev/shm", &shm) != 0 || tmp.st_dev == shm.st_dev ||
      ::access("/dev/shm", W_OK) != 0)
    GTEST_SKIP() << "no writable /dev/shm on another file system";
  test::TempDir src, dir;
  test::write_docs(src.path(), 10, "chín");
  const std::vector<fs::path> shards = index_shards(dir.path(), src.path(), 2);
  const fs::path out = fs::path("/dev/shm") / dir.path().filename() / "merged";
  const index::MergeStats stats = index::merge_indexes(out, shards);
  EXPECT_EQ(stats.files_linked, 0u);
  EXPECT_EQ(stats.files_copied, 2u);
  EXPECT_TRUE(index::verify_index(out).ok());
  fs::remove_all(out.parent_path());
}

TEST(Merge, TheMergedIndexIsRemoteReadyOnlyWhenEveryShardIs) {
  test::TempDir src, dir;
  test::write_docs(src.path(), 20, "một");
  auto remote_ready = [](const fs::path& db) {
    return Xapian::Database(store::schema::xapian_dir(db).string()).get_metadata(std::string(store::schema::kRemoteReadyKey));
  };
  const auto ready = index_shards(dir / "ready", src.path(), 2, {.restore = false, .remote_ready = true});
  index::merge_indexes(dir / "all-ready", ready);
  EXPECT_EQ(remote_ready(dir / "all-ready"), "1");
  const auto plain = index_shards(dir / "plain", src.path(), 2);
  index::merge_indexes(dir / "mixed", {ready[0], plain[1]});
  EXPECT_EQ(remote_ready(dir / "mixed"), "");
}
