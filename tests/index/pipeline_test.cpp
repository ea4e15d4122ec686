#include <gtest/gtest.h>
#include <xapian.h>

#include "index/index_test_util.hpp"
#include "index/pipeline.hpp"
#include "query/searcher.hpp"
#include "store/document_data.hpp"
#include "store/sidecar.hpp"
#include "store/schema.hpp"
#include "test_util.hpp"

using namespace vn;

TEST(Pipeline, IndexesGoodFilesAndReportsBadOnesByName) {
  test::TempDir src, db;
  test::write_file(src / "a.txt", "BÁO CÁO\nTình hình kinh tế xã hội\nĐảng bộ tỉnh");
  test::write_file(src / "b.txt", "Dang bo tinh (OCR)");
  test::write_file(src / "bad-utf8.txt", "xin ch\xE0o");
  test::write_file(src / "binary.txt", std::string("\x7f" "ELF\0\0\0", 7));
  const auto stats = test::index_tree(db.path(), src.path());
  EXPECT_EQ(stats.files, 4u);
  EXPECT_EQ(stats.documents, 2u);
  ASSERT_EQ(stats.errors.size(), 2u);
  EXPECT_NE(stats.errors[0].path.find("bad-utf8.txt"), std::string::npos);
  EXPECT_NE(stats.errors[0].reason.find("invalid UTF-8"), std::string::npos);
  EXPECT_NE(stats.errors[1].reason.find("binary"), std::string::npos);

  query::Searcher searcher(db.path());
  query::SearchRequest req;
  req.query = "\"Đảng bộ tỉnh\"";
  const auto result = searcher.search(req);
  ASSERT_EQ(result.hits.size(), 2u);  // b.txt restored
  for (const auto& hit : result.hits) {
    EXPECT_NE(hit.snippet.text.find("Đảng bộ tỉnh"), std::string::npos) << hit.snippet.text;
    if (hit.path.ends_with("a.txt")) {
      EXPECT_EQ(hit.title, "BÁO CÁO Tình hình kinh tế xã hội");
    } else {
      EXPECT_EQ(hit.title, "Đảng bộ tỉnh (OCR)");
    }
  }
}

// Issue 10: one NUL byte, or a stray byte, rejected the whole document. It
// is indexed, and the outcome names the damage by byte range.
TEST(Pipeline, DamagedTextIsIndexedWithTheDamageReported) {
  test::TempDir src, db;
  const std::string text = "Báo cáo tổng kết công tác chuyển đổi số năm 2025 của Đảng bộ tỉnh Lạng Sơn";
  const size_t cut = text.find(" tổng");
  test::write_file(src / "nul.txt", text.substr(0, cut) + std::string(1, '\0') + text.substr(cut));
  test::write_file(src / "stray.txt", text + " \xFF\xFE ngày 15 tháng 3");
  const auto stats = test::index_tree(db.path(), src.path(), {.restore = false});
  EXPECT_TRUE(stats.errors.empty());
  ASSERT_EQ(stats.outcomes.size(), 2u);
  EXPECT_EQ(stats.outcomes[0].outcome, index::Outcome::kAdded);
  EXPECT_EQ(stats.outcomes[0].damage, "NUL at byte " + std::to_string(cut));
  EXPECT_EQ(stats.outcomes[1].damage, "invalid UTF-8 at bytes " + std::to_string(text.size() + 1) + "-" +
                                          std::to_string(text.size() + 2));
  query::Searcher searcher(db.path());
  query::SearchRequest req;
  req.query = "\"tổng kết\" \"ngày 15\"";  // after the NUL, and after the stray bytes
  req.restore_query = false;
  EXPECT_EQ(searcher.search(req).hits.size(), 1u);
  req.query = "\"tổng kết công tác\"";
  EXPECT_EQ(searcher.search(req).hits.size(), 2u);
}

TEST(Pipeline, ReindexingReplacesDocumentsInsteadOfDuplicating) {
  test::TempDir src, db;
  test::write_file(src / "a.txt", "phiên bản một");
  test::index_tree(db.path(), src.path());
  test::write_file(src / "a.txt", "phiên bản hai");
  test::index_tree(db.path(), src.path());
  Xapian::Database xdb(store::schema::xapian_dir(db.path()).string());
  EXPECT_EQ(xdb.get_doccount(), 1u);
  query::Searcher searcher(db.path());
  query::SearchRequest req;
  req.query = "hai";
  EXPECT_EQ(searcher.search(req).hits.size(), 1u);
  req.query = "một";
  EXPECT_EQ(searcher.search(req).hits.size(), 0u);
}

TEST(Pipeline, SameIndexWithOneOrManyThreads) {
  test::TempDir src, db1, db4;
  for (int i = 0; i < 60; ++i)
    test::write_file(src / ("d" + std::to_string(i) + ".txt"),
                        "Văn bản số " + std::to_string(i) + " về chuyển đổi số của tỉnh " + std::string(i % 7, 'x'));
  test::index_tree(db1.path(), src.path(), {.threads = 1});
  test::index_tree(db4.path(), src.path(), {.threads = 4});
  Xapian::Database a(store::schema::xapian_dir(db1.path()).string());
  Xapian::Database b(store::schema::xapian_dir(db4.path()).string());
  ASSERT_EQ(a.get_doccount(), b.get_doccount());
  for (Xapian::docid id = 1; id <= a.get_doccount(); ++id)
    EXPECT_EQ(a.get_document(id).get_data(), b.get_document(id).get_data());  // same order, same sidecar offsets
}

TEST(Pipeline, SecondWriterFailsAtOnce) {
  test::TempDir src, db;
  test::write_file(src / "a.txt", "một");
  test::index_tree(db.path(), src.path());
  Xapian::WritableDatabase holder(store::schema::xapian_dir(db.path()).string(), Xapian::DB_OPEN);
  EXPECT_THROW(test::index_tree(db.path(), src.path()), Xapian::DatabaseLockError);
}

TEST(Pipeline, MetadataBecomesTermsValuesAndRecordFields) {
  test::TempDir db;
  const std::filesystem::path sample =
      test::samples_dir() / "clean" / "10-bao-cao-tong-ket-nq18.txt";
  index::IndexOptions o;
  o.db = db.path();
  o.inputs = {sample.string()};
  index::run_index(o, nullptr);
  Xapian::Database xdb(store::schema::xapian_dir(db.path()).string());
  ASSERT_EQ(xdb.get_doccount(), 1u);
  for (const char* term : {"XKbaocao", "XY2025", "XR18-nq/tw", "XR29/2023/nd-cp", "XC127-bc/du"})
    EXPECT_TRUE(xdb.term_exists(term)) << term;
  const Xapian::Document d = xdb.get_document(1);
  EXPECT_EQ(d.get_value(store::schema::kSlotType), "BÁO CÁO");
  EXPECT_EQ(d.get_value(store::schema::kSlotYear), "2025");
  for (const char* term : {"XIlang", "XIson", "XIdang"}) EXPECT_TRUE(xdb.term_exists(term)) << term;
  EXPECT_EQ(d.get_value(store::schema::kSlotDate).substr(0, 4), "2025");

  const store::DocumentData data = store::decode_document_data(d.get_data());
  const store::DocumentRecord record = store::SidecarReader(store::schema::sidecar_dir(db.path())).read(data.sidecar);
  EXPECT_EQ(record.metadata.type, "BÁO CÁO");
  EXPECT_EQ(record.metadata.code, "127-BC/ĐU");
  EXPECT_FALSE(record.citations.empty());
}
