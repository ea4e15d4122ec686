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
namespace fs = std::filesystem;

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

// Every outcome goes to the sink, in walk order; the stats keep counts and
// only the outcomes a user must see, so a run keeps no memory per file.
TEST(Pipeline, StatsKeepOnlyNotableOutcomesAndTheSinkGetsEvery) {
  test::TempDir src, db;
  test::write_file(src / "a.txt", "Báo cáo tổng kết");
  test::write_file(src / "b.txt", "Báo cáo\xFF sơ kết");
  test::write_file(src / "c.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0", 12));  // a binary
  test::write_file(src / "d.txt", "Kết luận");
  const auto stats = test::index_tree(db.path(), src.path(), {.restore = false});
  std::vector<std::string> met;
  for (const auto& o : stats.outcomes) met.push_back(std::filesystem::path(o.path).filename().string() + " " + index::outcome_name(o.outcome));
  EXPECT_EQ(met, (std::vector<std::string>{"a.txt added", "b.txt added", "c.txt failed", "d.txt added"}));
  EXPECT_EQ(stats.count(index::Outcome::kAdded), 3u);
  EXPECT_EQ(stats.count(index::Outcome::kFailed), 1u);
  EXPECT_EQ(stats.damaged, 1u);
  ASSERT_EQ(stats.notable.size(), 2u);
  EXPECT_EQ(std::filesystem::path(stats.notable[0].path).filename(), "b.txt");
  EXPECT_EQ(std::filesystem::path(stats.notable[1].path).filename(), "c.txt");
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

namespace {

// A document's terms with their positions, as text.
std::string terms_of(const Xapian::Document& doc) {
  std::string out;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    out += *t + ":" + std::to_string(t.get_wdf());
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) out += " " + std::to_string(*p);
    out += "\n";
  }
  return out;
}

}  // namespace

// A first run with several threads writes its Xapian documents in parts
// (index/xapian_parts.hpp): document ids differ from a run with one
// thread, nothing else does.
TEST(Pipeline, SameIndexWithOneOrManyThreads) {
  test::TempDir src, db1, db4, again;
  for (int i = 0; i < 60; ++i)
    test::write_file(src / ("d" + std::to_string(i) + ".txt"),
                        "Văn bản số " + std::to_string(i) + " về chuyển đổi số của tỉnh " + std::string(i % 7, 'x'));
  test::index_tree(db1.path(), src.path(), {.threads = 1});
  const test::TreeStats four = test::index_tree(db4.path(), src.path(), {.threads = 4});
  EXPECT_TRUE(four.compacted);  // the parts were merged
  EXPECT_FALSE(fs::exists(store::schema::xapian_parts_dir(db4.path())));
  Xapian::Database a(store::schema::xapian_dir(db1.path()).string());
  Xapian::Database b(store::schema::xapian_dir(db4.path()).string());
  ASSERT_EQ(a.get_doccount(), b.get_doccount());
  for (Xapian::docid id = 1; id <= a.get_doccount(); ++id) {
    const Xapian::Document x = a.get_document(id);
    const std::string path = store::decode_document_data(x.get_data()).path;
    const Xapian::PostingIterator in_b = b.postlist_begin(store::schema::id_term(path));
    ASSERT_NE(in_b, b.postlist_end(store::schema::id_term(path))) << path;
    const Xapian::Document y = b.get_document(*in_b);
    EXPECT_EQ(x.get_data(), y.get_data());  // the same sidecar offsets: records are appended in walk order
    EXPECT_EQ(terms_of(x), terms_of(y));
    EXPECT_EQ(x.get_value(store::schema::kSlotPath), y.get_value(store::schema::kSlotPath));
  }
  // As many threads again: the same document ids.
  test::index_tree(again.path(), src.path(), {.threads = 4});
  Xapian::Database c(store::schema::xapian_dir(again.path()).string());
  for (Xapian::docid id = 1; id <= b.get_doccount(); ++id)
    EXPECT_EQ(b.get_document(id).get_data(), c.get_document(id).get_data());
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

namespace {

// About `bytes` of OCR'd lines (numbered, so that each is its own), then a
// last line of its own words.
std::string huge_ocr_text(size_t bytes) {
  std::string text = "UY BAN NHAN DAN TINH LANG SON\nS6: 15/BC-UBND\nBAO CAO\nVe cong tac chuyen doi so\n\n";
  for (int i = 0; text.size() < bytes; ++i)
    text += "Dang bo tinh lanh dao thuc hien nghi quyet so " + std::to_string(i) + " ve chuyen doi so.\n";
  return text + "Ket thuc ban bao cao phan hoa dao.\n";
}

store::DocumentData data_of(const std::filesystem::path& db, Xapian::docid id) {
  Xapian::Database xdb(store::schema::xapian_dir(db).string());
  return store::decode_document_data(xdb.get_document(id).get_data());
}

}  // namespace

// Issue 10: a huge document is stored in chunks of its text, restored a
// chunk at a time; read whole again, it is the text indexed, and its end is
// as searchable as its beginning.
TEST(Pipeline, AHugeDocumentIsStoredInChunks) {
  test::TempDir src, db;
  const std::string text = huge_ocr_text(3 * store::kChunkTextBytes);
  test::write_file(src / "huge.txt", text);
  const auto stats = test::index_tree(db.path(), src.path());
  ASSERT_EQ(stats.documents, 1u);

  const store::DocumentData data = data_of(db.path(), 1);
  const store::SidecarReader reader(store::schema::sidecar_dir(db.path()));
  const store::RecordHead head = reader.read_head(data.sidecar);
  ASSERT_GE(head.record.chunks.size(), 3u);
  EXPECT_EQ(data.chunk_starts.size(), head.record.chunks.size());
  EXPECT_TRUE(head.record.text.empty());
  EXPECT_EQ(head.record.metadata.type, "BÁO CÁO");
  EXPECT_EQ(head.record.title, "BÁO CÁO Về công tác chuyển đổi số");
  for (size_t i = 0; i + 1 < head.record.chunks.size(); ++i) {
    const store::TextChunk chunk = reader.read_chunk(head, i);
    EXPECT_LE(chunk.text.size(), store::kChunkTextBytes);
    EXPECT_EQ(chunk.text.back(), '.');  // cut after a sentence at the end of a line
  }
  const store::DocumentRecord whole = reader.read(data.sidecar);
  EXPECT_EQ(whole.text, text);
  ASSERT_TRUE(whole.restored);
  EXPECT_NE(whole.restored->find("Đảng bộ tỉnh lãnh đạo thực hiện nghị quyết số 1000 về chuyển đổi số."),
            std::string::npos);

  query::Searcher searcher(db.path());
  query::SearchRequest req;
  req.query = "\"kết thúc bản báo cáo\"";
  auto result = searcher.search(req);
  ASSERT_EQ(result.hits.size(), 1u);
  EXPECT_NE(result.hits[0].snippet.text.find("Kết thúc bản báo cáo"), std::string::npos) << result.hits[0].snippet.text;
  EXPECT_EQ(result.hits[0].snippet.text.rfind("… ", 0), 0u);  // text before it, in other chunks
  req.query = "\"nghị quyết số 7 về\"";
  result = searcher.search(req);
  ASSERT_EQ(result.hits.size(), 1u);
  EXPECT_NE(result.hits[0].snippet.text.find("số 7"), std::string::npos) << result.hits[0].snippet.text;
  EXPECT_EQ(result.hits[0].metadata.type, "BÁO CÁO");
}

// A copy of a huge document reuses its chunks as they are.
TEST(Pipeline, AHugeDocumentCopiedReusesItsChunks) {
  test::TempDir src, db;
  const std::string text = huge_ocr_text(2 * store::kChunkTextBytes);
  test::write_file(src / "a.txt", text);
  test::index_tree(db.path(), src.path(), {.restore = false});
  test::write_file(src / "b.txt", text);
  const auto stats = test::index_tree(db.path(), src.path(), {.restore = false});
  ASSERT_EQ(stats.documents, 1u);
  bool copied = false;
  for (const auto& o : stats.outcomes) copied |= o.outcome == index::Outcome::kCopied;
  EXPECT_TRUE(copied);

  const store::DocumentData a = data_of(db.path(), 1), b = data_of(db.path(), 2);
  EXPECT_EQ(a.chunk_starts, b.chunk_starts);
  const store::SidecarReader reader(store::schema::sidecar_dir(db.path()));
  const store::DocumentRecord record = reader.read(b.sidecar);
  EXPECT_TRUE(record.path.ends_with("b.txt"));
  EXPECT_EQ(record.text, text);
  EXPECT_FALSE(record.restored);
  query::Searcher searcher(db.path());
  query::SearchRequest req;
  req.query = "\"ket thuc ban bao cao\"";
  req.all_copies = true;
  EXPECT_EQ(searcher.search(req).hits.size(), 2u);
}

// A hit lists its document's citations, read from the record's header: in
// a record in chunks each cited document is listed once, so a huge text
// that cites without end keeps a small header. Every code is still a
// cites: term.
TEST(Pipeline, AHugeDocumentListsEachCitedDocumentOnce) {
  test::TempDir src, db;
  std::string text;
  for (int i = 0; text.size() < 2 * store::kChunkTextBytes; ++i)
    text += "Dòng " + std::to_string(i) + ": thực hiện Nghị quyết số 18-NQ/TW của Ban Chấp hành.\n";
  text += "Theo Kế hoạch số 45/KH-UBND.\n";
  test::write_file(src / "huge.txt", text);
  test::index_tree(db.path(), src.path(), {.restore = false});
  const store::DocumentData data = data_of(db.path(), 1);
  const auto head = store::SidecarReader(store::schema::sidecar_dir(db.path())).read_head(data.sidecar);
  ASSERT_EQ(head.record.citations.size(), 2u);
  EXPECT_EQ(head.record.citations[0].key, "NQ 18-NQ/TW");
  EXPECT_EQ(head.record.citations[1].key, "KH 45/KH-UBND");
  EXPECT_EQ(text.substr(head.record.citations[1].offset, head.record.citations[1].length), "Kế hoạch số 45/KH-UBND");
  Xapian::Database xdb(store::schema::xapian_dir(db.path()).string());
  EXPECT_TRUE(xdb.term_exists("XR18-nq/tw"));
  EXPECT_TRUE(xdb.term_exists("XR45/kh-ubnd"));
}
