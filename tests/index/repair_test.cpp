// Issue 10: a plain run repairs damaged sidecars. Before, a record that
// could not be read back (sidecar file cut short, bit-flipped or deleted, or
// its dictionary gone or garbage) stayed broken: verify found it, but the
// next run called its file unchanged; with the dictionary deleted, even
// --force failed ("sidecar dictionary ... is missing").
#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>
#include <map>

#include "index/index_test_util.hpp"
#include "index/pipeline.hpp"
#include "index/verify.hpp"
#include "store/document_data.hpp"
#include "store/text_chunk.hpp"
#include "store/schema.hpp"
#include "test_util.hpp"

using namespace vn;
namespace fs = std::filesystem;

namespace {

const test::TreeRun kPlain{.restore = false};

// outcome name -> how many files had it
std::map<std::string, size_t> outcome_counts(const index::IndexStats& s) {
  std::map<std::string, size_t> m;
  for (size_t o = 0; o < index::kOutcomeKinds; ++o)
    if (s.outcome_counts[o]) m[index::outcome_name(static_cast<index::Outcome>(o))] = s.outcome_counts[o];
  return m;
}

store::DocumentData data_of(const fs::path& db, Xapian::docid id) {
  Xapian::Database x(store::schema::xapian_dir(db).string());
  return store::decode_document_data(x.get_document(id).get_data());
}

fs::path sidecar_file(const fs::path& db, Xapian::docid id) {
  return store::schema::sidecar_dir(db) / data_of(db, id).sidecar.file;
}

// The one dictionary file of the index.
fs::path dictionary_file(const fs::path& db) {
  for (const auto& e : fs::directory_iterator(store::schema::sidecar_dir(db)))
    if (e.path().extension() == ".zdict") return e.path();
  return {};
}

// `n` documents of about 2 KB, alike enough for a dictionary to pay off.
void write_dictionary_docs(const fs::path& src, int n) {
  std::string body;
  for (int k = 0; k < 12; ++k)
    body += "Báo cáo kết quả thực hiện nghị quyết của Ban Chấp hành Đảng bộ tỉnh về chuyển đổi số, mục " +
            std::to_string(k) + ".\n";
  for (int i = 0; i < n; ++i)
    test::write_file(src / ("d" + std::to_string(1000 + i) + ".txt"), "Số " + std::to_string(i) + "-BC/TU\n" + body);
}

// Indexes again and checks that the run repaired `repaired` documents,
// left the rest unchanged, and that the index verifies.
void expect_repaired_by_a_plain_run(const fs::path& db, const fs::path& src, size_t repaired, size_t all,
                                    test::TreeRun run = kPlain) {
  const index::VerifyReport before = index::verify_index(db);
  EXPECT_EQ(before.unreadable_records, repaired);
  const test::TreeStats s = test::index_tree(db, src, run);
  std::map<std::string, size_t> expected{{"repaired", repaired}, {"unchanged", all - repaired}};
  std::erase_if(expected, [](const auto& e) { return e.second == 0; });
  EXPECT_EQ(outcome_counts(s), expected);
  EXPECT_EQ(s.documents, repaired);
  for (const auto& f : s.outcomes) {
    if (f.outcome == index::Outcome::kRepaired) {
      EXPECT_NE(f.detail.find("sidecar record unreadable: "), std::string::npos) << f.detail;
    }
  }
  const index::VerifyReport after = index::verify_index(db);
  EXPECT_TRUE(after.ok()) << (after.problems.empty() ? "" : after.problems[0]);
  EXPECT_EQ(after.documents, all);
}

}  // namespace

TEST(Repair, ASidecarFileCutShort) {
  test::TempDir src, db;
  test::write_docs(src.path(), 20, "một");
  test::index_tree(db.path(), src.path(), {.threads = 1, .restore = false});  // document ids in sidecar order
  const store::DocumentData d = data_of(db.path(), 8);
  fs::resize_file(sidecar_file(db.path(), 8), d.sidecar.offset + d.sidecar.length / 2);  // documents 8..20
  expect_repaired_by_a_plain_run(db.path(), src.path(), 13, 20);
}

TEST(Repair, ABitFlippedInARecord) {
  test::TempDir src, db;
  test::write_docs(src.path(), 20, "một");
  test::index_tree(db.path(), src.path(), kPlain);
  for (Xapian::docid id : {3u, 15u}) {  // one bit in the middle of each frame (in its compressed content)
    const store::DocumentData d = data_of(db.path(), id);
    std::fstream f(sidecar_file(db.path(), id), std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(static_cast<std::streamoff>(d.sidecar.offset + d.sidecar.length / 2));
    const char c = static_cast<char>(f.get());
    f.seekp(static_cast<std::streamoff>(d.sidecar.offset + d.sidecar.length / 2));
    f.put(static_cast<char>(c ^ 0x04));
  }
  expect_repaired_by_a_plain_run(db.path(), src.path(), 2, 20);
}

TEST(Repair, ASidecarFileDeleted) {
  test::TempDir src, db;
  test::write_docs(src.path(), 10, "một");
  test::index_tree(db.path(), src.path(), kPlain);
  test::write_docs(src.path(), 5, "hai");  // d0..d4 now live in a second sidecar file
  test::index_tree(db.path(), src.path(), kPlain);
  fs::remove(sidecar_file(db.path(), 7));  // the first file: d5..d9
  expect_repaired_by_a_plain_run(db.path(), src.path(), 5, 10);
}

TEST(Repair, AGarbageDictionaryIsMovedAsideAndReplaced) {
  test::TempDir src, db;
  write_dictionary_docs(src.path(), 120);
  const index::IndexStats first = test::index_tree(db.path(), src.path(), kPlain);
  ASSERT_TRUE(first.dictionary_used) << "the test needs a dictionary";
  const fs::path dict = dictionary_file(db.path());
  test::write_file(dict, std::string(16 << 10, 'x'));
  EXPECT_EQ(index::verify_index(db.path()).unreadable_records, 120u);
  const index::IndexStats s = test::index_tree(db.path(), src.path(), kPlain);
  EXPECT_NE(s.dictionary_lost.find("is damaged (moved aside to " + dict.filename().string() + ".damaged)"),
            std::string::npos)
      << s.dictionary_lost;
  EXPECT_TRUE(fs::exists(dict.string() + ".damaged"));
  // Trained again on the same files, the dictionary came out the same:
  // its records read again, and nothing needed writing.
  EXPECT_NE(s.dictionary_lost.find("it came out the same"), std::string::npos) << s.dictionary_lost;
  EXPECT_EQ(outcome_counts(s), (std::map<std::string, size_t>{{"unchanged", 120}}));
  EXPECT_TRUE(index::verify_index(db.path()).ok());
}

TEST(Repair, ADictionaryCutShortIsDamagedToo) {
  test::TempDir src, db;
  write_dictionary_docs(src.path(), 120);
  ASSERT_TRUE(test::index_tree(db.path(), src.path(), kPlain).dictionary_used) << "the test needs a dictionary";
  const fs::path dict = dictionary_file(db.path());
  fs::resize_file(dict, 100);  // its header and part of its tables
  index::IndexStats s;
  ASSERT_NO_THROW(s = test::index_tree(db.path(), src.path(), kPlain));  // threw "invalid zstd dictionary"
  EXPECT_NE(s.dictionary_lost.find("is damaged"), std::string::npos) << s.dictionary_lost;
  EXPECT_TRUE(index::verify_index(db.path()).ok());
}

TEST(Repair, AMissingDictionaryWithoutANewOne) {
  test::TempDir src, db;
  write_dictionary_docs(src.path(), 120);
  ASSERT_TRUE(test::index_tree(db.path(), src.path(), kPlain).dictionary_used) << "the test needs a dictionary";
  fs::remove(dictionary_file(db.path()));
  test::TreeRun no_dictionary = kPlain;
  no_dictionary.dictionary = false;
  expect_repaired_by_a_plain_run(db.path(), src.path(), 120, 120, no_dictionary);
  // The index now has no dictionary, and later runs know it.
  const index::IndexStats again = test::index_tree(db.path(), src.path(), kPlain);
  EXPECT_TRUE(again.dictionary_lost.empty()) << again.dictionary_lost;
  EXPECT_FALSE(again.dictionary_used);
  EXPECT_EQ(outcome_counts(again), (std::map<std::string, size_t>{{"unchanged", 120}}));
}

TEST(Repair, ForceWithTheDictionaryDeleted) {
  test::TempDir src, db;
  write_dictionary_docs(src.path(), 120);
  ASSERT_TRUE(test::index_tree(db.path(), src.path(), kPlain).dictionary_used) << "the test needs a dictionary";
  fs::remove(dictionary_file(db.path()));
  test::TreeRun force = kPlain;
  force.force = true;
  index::IndexStats s;
  ASSERT_NO_THROW(s = test::index_tree(db.path(), src.path(), force));  // threw "sidecar dictionary ... is missing"
  EXPECT_EQ(outcome_counts(s), (std::map<std::string, size_t>{{"replaced", 120}}));
  EXPECT_TRUE(index::verify_index(db.path()).ok());
}

// A frame from before checksums whose damage still decompresses fails only
// when parsed: a plain run's check passes it, so verify says --force.
TEST(Repair, DamageOnlyParsingFindsNeedsForce) {
  test::TempDir src, db;
  test::write_docs(src.path(), 3, "một");
  test::index_tree(db.path(), src.path(), kPlain);
  {
    const fs::path old_frames = store::schema::sidecar_dir(db.path()) / "000099.vsc";
    const std::string frame = test::zstd_compress("{\"version\": 1, \"path\": ");  // no checksum, cut JSON
    test::write_file(old_frames, frame);
    Xapian::WritableDatabase x(store::schema::xapian_dir(db.path()).string());
    Xapian::Document doc = x.get_document(2);
    store::DocumentData d = store::decode_document_data(doc.get_data());
    d.sidecar = {old_frames.filename().string(), 0, frame.size()};
    doc.set_data(store::encode_document_data(d));
    x.replace_document(2, doc);
    x.commit();
  }
  const index::VerifyReport r = index::verify_index(db.path());
  EXPECT_EQ(r.unreadable_records, 0u);
  EXPECT_EQ(r.records_needing_force, 1u);
  EXPECT_NE(index::repair_advice(r).find("run vnindex index --force over the same inputs to repair 1 document"),
            std::string::npos)
      << index::repair_advice(r);
  test::TreeRun force = kPlain;
  force.force = true;
  test::index_tree(db.path(), src.path(), force);
  EXPECT_TRUE(index::verify_index(db.path()).ok());
}

// A record in chunks (a huge document) is checked frame by frame: damage in
// its last chunk is found and repaired like damage in a one-frame record.
TEST(Repair, ADamagedChunkOfAHugeDocument) {
  test::TempDir src, db;
  std::string text;
  for (int i = 0; text.size() < 3 * store::kChunkTextBytes; ++i) text += "Dòng thứ " + std::to_string(i) + " của văn bản.\n";
  test::write_file(src / "huge.txt", text);
  test::write_docs(src.path(), 3, "một");
  test::index_tree(db.path(), src.path(), kPlain);
  Xapian::docid huge = 0;
  for (Xapian::docid id = 1; id <= 4; ++id)
    if (data_of(db.path(), id).path.ends_with("huge.txt")) huge = id;
  const store::DocumentData d = data_of(db.path(), huge);
  {  // overwrite bytes inside the last chunk's frame
    std::fstream f(sidecar_file(db.path(), huge), std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(d.sidecar.offset + d.sidecar.length - 100));
    f.write("\xff\xff\xff\xff", 4);
  }
  expect_repaired_by_a_plain_run(db.path(), src.path(), 1, 4);
}
