#include <gtest/gtest.h>
#include <xapian.h>

#include "index/document_builder.hpp"
#include "store/sample_record.hpp"
#include "store/schema.hpp"

using namespace vn::store;
using vn::test::sample_record;

// Folded terms carry the positions; exact terms only their frequency.
TEST(Terms, AccentedTokensHaveAPositionalFoldedTermAndACountedExactTerm) {
  DocumentRecord r = sample_record(1);
  r.text = "Đảng bộ tỉnh theo Nghị quyết 18-NQ/TW";
  const Xapian::Document doc = vn::index::make_xapian_document(r);
  auto positions = [&](const std::string& term) {
    std::vector<Xapian::termpos> out;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
      if (*it == term)
        for (auto p = it.positionlist_begin(); p != it.positionlist_end(); ++p) out.push_back(*p);
    return out;
  };
  auto wdf = [&](const std::string& term) -> Xapian::termcount {
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
      if (*it == term) return it.get_wdf();
    return 0;
  };
  const std::string folded(schema::kFoldedPrefix);
  EXPECT_EQ(positions(folded + "dang"), std::vector<Xapian::termpos>{1});
  EXPECT_EQ(positions(folded + "tinh"), std::vector<Xapian::termpos>{3});
  EXPECT_TRUE(positions("đảng").empty());
  EXPECT_EQ(wdf("đảng"), 1u);
  EXPECT_EQ(wdf("tỉnh"), 1u);
  EXPECT_EQ(positions(folded + "18-nq/tw"), std::vector<Xapian::termpos>{7});
  EXPECT_TRUE(positions("18-nq/tw").empty());  // no diacritics: stored once, folded
  EXPECT_TRUE(positions("theo").empty());
  EXPECT_EQ(positions(folded + "quyet"), std::vector<Xapian::termpos>{6});
  EXPECT_TRUE(positions(schema::id_term(r.path)).empty());  // boolean: no positions
  bool has_id = false;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) has_id |= *it == schema::id_term(r.path);
  EXPECT_TRUE(has_id);
}

TEST(Terms, OverlongTokensAreSkippedButKeepTheirPosition) {
  DocumentRecord r = sample_record(1);
  r.text = std::string(10000, 'a') + " cuối";
  const Xapian::Document doc = vn::index::make_xapian_document(r);
  bool found = false;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    EXPECT_LE((*it).size(), 245u);
    if (*it == std::string(schema::kFoldedPrefix) + "cuoi") {
      found = true;
      ASSERT_NE(it.positionlist_begin(), it.positionlist_end());
      EXPECT_EQ(*it.positionlist_begin(), 2u);
    }
  }
  EXPECT_TRUE(found);
}

// Issue 13: a confusion network. Other readings of an uncertain token sit
// at its position with wdf 0: a phrase typed with one of them matches, and
// a reading whose folded form is the token's adds nothing.
TEST(Terms, AlternativeReadingsShareTheTokensPosition) {
  DocumentRecord r = sample_record(1);
  r.text = "bằng bộ tỉnh";
  r.alternatives = {{0, {"đảng", "bàng"}}};
  const Xapian::Document doc = vn::index::make_xapian_document(r);
  const std::string folded(schema::kFoldedPrefix);
  bool found = false;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    if (*it != folded + "dang") continue;
    found = true;
    EXPECT_EQ(it.get_wdf(), 0u);
    EXPECT_EQ(*it.positionlist_begin(), 1u);
  }
  EXPECT_TRUE(found);
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  db.add_document(doc);
  Xapian::Enquire e(db);
  const std::vector<std::string> phrase = {folded + "dang", folded + "bo", folded + "tinh"};
  e.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, phrase.begin(), phrase.end(), 3));
  EXPECT_EQ(e.get_mset(0, 10).size(), 1u);
  EXPECT_EQ(db.get_termfreq(folded + "bang"), 1u);
  EXPECT_EQ(db.get_collection_freq(folded + "bang"), 1u);  // "bàng" folds to the token's own term
}

// A real title (the document has a type line) weighs kTitleWdf more; a
// first line of a document without one does not. Headings weigh too.
TEST(Terms, TitleAndHeadingWordsWeighMoreWithoutPositions) {
  DocumentRecord r = sample_record(1);
  r.text = "BÁO CÁO\nkết quả chuyển đổi số\n\nNội dung về kết quả.";
  r.title = "BÁO CÁO kết quả chuyển đổi số";
  r.metadata.type = "BÁO CÁO";
  auto wdf_and_positions = [](const Xapian::Document& doc, const std::string& term) {
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
      if (*it == term) return std::make_pair(it.get_wdf(), it.positionlist_count());
    return std::make_pair(Xapian::termcount{0}, Xapian::termcount{0});
  };
  const std::string folded(schema::kFoldedPrefix);
  const Xapian::Document doc = vn::index::make_xapian_document(r);
  EXPECT_EQ(wdf_and_positions(doc, folded + "ket"), std::make_pair(2 + vn::index::kTitleWdf, Xapian::termcount{2}));
  EXPECT_EQ(wdf_and_positions(doc, "kết").first, 2 + vn::index::kTitleWdf);
  EXPECT_EQ(wdf_and_positions(doc, folded + "noi"), std::make_pair(Xapian::termcount{1}, Xapian::termcount{1}));
  r.metadata.type.clear();
  const Xapian::Document plain = vn::index::make_xapian_document(r);
  EXPECT_EQ(wdf_and_positions(plain, folded + "ket").first, 2u);
  // The words of a section heading weigh kHeadingWdf more, with or without a type line.
  r.metadata.outline = {{"Nội dung", 1}};
  const Xapian::Document headed = vn::index::make_xapian_document(r);
  EXPECT_EQ(wdf_and_positions(headed, folded + "noi"), std::make_pair(1 + vn::index::kHeadingWdf, Xapian::termcount{1}));
  EXPECT_EQ(wdf_and_positions(headed, "nội").first, 1 + vn::index::kHeadingWdf);
  EXPECT_EQ(wdf_and_positions(headed, folded + "ket").first, 2u);
  // A numbered item weighs as a heading when short; a long one is a clause's first line.
  EXPECT_TRUE(vn::index::weighs_as_heading("1. Công tác xây dựng Đảng"));
  EXPECT_TRUE(vn::index::weighs_as_heading("Điều 653. Quan hệ thừa kế giữa con nuôi và cha nuôi, mẹ nuôi và cha đẻ"));
  EXPECT_FALSE(vn::index::weighs_as_heading("2. Báo cáo đề xuất chủ trương đầu tư đối với chương trình mục tiêu quốc gia,"));
}

// A code's parts stand at its position with wdf 0, beside the code's term.
TEST(Terms, CodePartsShareTheCodesPosition) {
  DocumentRecord r = sample_record(1);
  r.text = "Nghị định 106/2025/NĐ-CP trong";
  const Xapian::Document doc = vn::index::make_xapian_document(r);
  auto find = [&](const std::string& term) {
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
      if (*it == term) {
        std::vector<Xapian::termpos> p(it.positionlist_begin(), it.positionlist_end());
        return std::make_pair(it.get_wdf(), p);
      }
    return std::make_pair(Xapian::termcount{99}, std::vector<Xapian::termpos>{});
  };
  const std::string folded(schema::kFoldedPrefix);
  EXPECT_EQ(find(folded + "106/2025/nd-cp"), std::make_pair(Xapian::termcount{1}, std::vector<Xapian::termpos>{3}));
  for (const char* part : {"106", "2025", "nd", "cp"})
    EXPECT_EQ(find(folded + part), std::make_pair(Xapian::termcount{0}, std::vector<Xapian::termpos>{3})) << part;
  EXPECT_EQ(find(folded + "trong").second, std::vector<Xapian::termpos>{4});
}
