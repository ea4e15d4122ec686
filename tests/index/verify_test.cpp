// vnindex verify: inconsistencies are found.
#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>

#include "index/index_test_util.hpp"
#include "index/pipeline.hpp"
#include "index/verify.hpp"
#include "store/document_data.hpp"
#include "store/schema.hpp"
#include "store/text_chunk.hpp"
#include "test_util.hpp"

using namespace vn;
namespace fs = std::filesystem;

namespace {

store::DocumentData data_of(const fs::path& db, Xapian::docid id) {
  Xapian::Database x(store::schema::xapian_dir(db).string());
  return store::decode_document_data(x.get_document(id).get_data());
}

bool mentions(const index::VerifyReport& r, const std::string& what) {
  for (const auto& p : r.problems)
    if (p.find(what) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST(Verify, AFreshIndexIsConsistent) {
  test::TempDir src, db;
  test::write_docs(src.path(), 20, "một");
  test::index_tree(db.path(), src.path(), {.restore = false});
  const auto r = index::verify_index(db.path());
  EXPECT_TRUE(r.ok()) << (r.problems.empty() ? "" : r.problems[0]);
  EXPECT_EQ(r.documents, 20u);
  EXPECT_EQ(r.records, 20u);
}

TEST(Verify, FindsDamagedSidecarRecords) {
  test::TempDir src, db;
  test::write_docs(src.path(), 5, "một");
  test::index_tree(db.path(), src.path(), {.threads = 1, .restore = false});  // document ids in sidecar order
  const store::DocumentData d = data_of(db.path(), 2);
  {  // overwrite the middle of document 2's frame
    std::fstream f(store::schema::sidecar_dir(db.path()) / d.sidecar.file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(d.sidecar.offset + d.sidecar.length / 2));
    f.write("\xff\xff\xff\xff", 4);
  }
  auto r = index::verify_index(db.path());
  EXPECT_FALSE(r.ok());
  // Issue 10: the problem names the document's path, and says how to repair.
  EXPECT_TRUE(mentions(r, "document 2 (" + d.path + "): sidecar record unreadable"))
      << (r.problems.empty() ? "" : r.problems[0]);
  EXPECT_EQ(r.unreadable_records, 1u);
  EXPECT_EQ(index::repair_advice(r),
            "run vnindex index again over the same inputs to repair 1 document with unreadable sidecar records (they "
            "are indexed again from their files; those whose files are gone are removed with --prune)");

  fs::resize_file(store::schema::sidecar_dir(db.path()) / d.sidecar.file, d.sidecar.offset);  // truncated
  r = index::verify_index(db.path());
  EXPECT_EQ(r.problem_count, 4u);  // documents 2..5
  EXPECT_TRUE(mentions(r, "shorter than the index expects"));
  EXPECT_NE(index::repair_advice(r).find("to repair 4 documents with unreadable"), std::string::npos);
}

// A record in chunks is checked a chunk at a time, every chunk of it.
TEST(Verify, FindsADamagedChunkOfAHugeDocument) {
  test::TempDir src, db;
  std::string text;
  for (int i = 0; text.size() < 3 * store::kChunkTextBytes; ++i) text += "Dòng thứ " + std::to_string(i) + " của văn bản.\n";
  test::write_file(src / "huge.txt", text);
  test::index_tree(db.path(), src.path(), {.restore = false});
  EXPECT_TRUE(index::verify_index(db.path()).ok());
  const store::DocumentData d = data_of(db.path(), 1);
  {  // overwrite bytes inside the last chunk's frame
    std::fstream f(store::schema::sidecar_dir(db.path()) / d.sidecar.file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(d.sidecar.offset + d.sidecar.length - 100));
    f.write("\xff\xff\xff\xff", 4);
  }
  const auto r = index::verify_index(db.path());
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(mentions(r, "huge.txt): sidecar record unreadable")) << (r.problems.empty() ? "" : r.problems[0]);
}

TEST(Verify, FindsDuplicateAndMismatchedPaths) {
  test::TempDir src, db;
  test::write_docs(src.path(), 3, "một");
  test::index_tree(db.path(), src.path(), {.restore = false});
  {
    Xapian::WritableDatabase x(store::schema::xapian_dir(db.path()).string());
    Xapian::Document copy = x.get_document(1);
    x.add_document(copy);  // the same path twice
    Xapian::Document wrong = x.get_document(2);
    store::DocumentData d = store::decode_document_data(wrong.get_data());
    d.path = "/elsewhere.txt";
    wrong.set_data(store::encode_document_data(d));
    x.replace_document(2, wrong);
    x.commit();
  }
  const auto r = index::verify_index(db.path());
  EXPECT_TRUE(mentions(r, "indexed 2 times"));
  EXPECT_TRUE(mentions(r, "same path as document 1"));
  EXPECT_TRUE(mentions(r, "document 2: id terms do not match its path /elsewhere.txt"));
  EXPECT_TRUE(mentions(r, "document 2 (/elsewhere.txt): its sidecar record is of another path"));
  EXPECT_NE(index::repair_advice(r).find("run vnindex index --force over the same inputs to repair 1 document whose"),
            std::string::npos)
      << index::repair_advice(r);
}

// Issue 10: damage Xapian itself trips over made verify fail (exit 2)
// instead of reporting it (exit 1).
TEST(Verify, ReportsDamageToTheXapianDatabase) {
  test::TempDir src, db;
  test::write_docs(src.path(), 50, "một");
  test::index_tree(db.path(), src.path(), {.restore = false});
  const fs::path table = store::schema::xapian_dir(db.path()) / "postlist.glass";
  std::string bytes = test::read_file(table);
  ASSERT_GT(bytes.size(), 8192u);
  for (size_t i = 0; i < bytes.size(); i += 7) bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
  test::write_file(table, bytes);
  index::VerifyReport r;
  ASSERT_NO_THROW(r = index::verify_index(db.path()));
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(mentions(r, "Xapian database: ")) << (r.problems.empty() ? "" : r.problems[0]);
}
