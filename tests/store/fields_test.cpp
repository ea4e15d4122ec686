// Metadata round trip: a query filter on a field value, as written in the
// document or as a user types it, looks up the very terms and slot values
// the indexer stored for that document (store/fields.hpp on both sides).
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <set>
#include <string>

#include "doc/citations.hpp"
#include "index/document_builder.hpp"
#include "query/field_filter.hpp"
#include "store/fields.hpp"
#include "test_util.hpp"
#include "text/normalize.hpp"
#include "vi/fold.hpp"

using namespace vn;

namespace {

const std::filesystem::path kSamples = vn::test::samples_dir();

// A sample indexed as the indexer does it, without restoration.
struct Indexed {
  store::DocumentRecord record;
  Xapian::Document document;
};

Indexed index_sample(const std::filesystem::path& file) {
  Indexed out;
  out.record.path = file.string();
  out.record.text = test::read_file(file);
  index::extract_document_facts(out.record, {});
  out.document = index::make_xapian_document(out.record);
  return out;
}

// The value as a user types it without Vietnamese input.
std::string typed(std::string_view written) { return text::to_lower(vi::fold(written)); }

std::set<std::string> indexed_terms(const Xapian::Document& d) {
  return {d.termlist_begin(), d.termlist_end()};
}

// field:value finds the document, and every term it looks up is one the
// document was indexed under (a range of years looks up each year: only
// the document's own is checked there, by matching).
void expect_round_trip(const Xapian::Document& doc, std::string_view field, std::string_view value,
                       bool all_terms_indexed = true) {
  SCOPED_TRACE(std::string(field) + ":" + std::string(value));
  const Xapian::Query q = query::filter_query(field, value);
  if (all_terms_indexed) {
    const std::set<std::string> terms = indexed_terms(doc);
    for (auto it = q.get_unique_terms_begin(); it != q.get_unique_terms_end(); ++it)
      EXPECT_TRUE(terms.count(*it)) << *it << " is not indexed";
  }
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  db.add_document(doc);
  Xapian::Enquire e(db);
  e.set_query(q);
  EXPECT_EQ(e.get_mset(0, 1).size(), 1u) << q.get_description();
}

}  // namespace

TEST(FieldRoundTrip, WrittenAndTypedValuesFindTheDocument) {
  const Indexed d = index_sample(kSamples / "clean" / "10-bao-cao-tong-ket-nq18.txt");
  const doc::Metadata& m = d.record.metadata;
  ASSERT_EQ(m.type, "BÁO CÁO");
  ASSERT_EQ(m.code, "127-BC/ĐU");
  ASSERT_EQ(m.date, "2025-10-02");
  ASSERT_EQ(m.issuer, "ĐẢNG BỘ TỈNH LẠNG SƠN ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH");

  for (const char* v : {"BÁO CÁO", "báo cáo", "bao cao", "baocao", "BC", "bc"}) expect_round_trip(d.document, "type", v);
  EXPECT_EQ(store::fields::type_term("bc"), store::fields::type_term(m.type));

  for (const char* v : {"127-BC/ĐU", "127-BC/DU", "127-bc/du", "127-BC/BU"}) expect_round_trip(d.document, "code", v);
  EXPECT_EQ(store::fields::code_term("127-BC/DU"), store::fields::code_term(m.code));

  for (const char* v : {m.issuer.c_str(), "lạng sơn", "lang son", "LẠNG SƠN", "uy ban", "đảng ủy"})
    expect_round_trip(d.document, "issuer", v);

  expect_round_trip(d.document, "year", "2025");
  expect_round_trip(d.document, "year", "2024..2026", false);
  for (const char* v : {"2025-10-02", "2025", "2025-10-01..2025-10-31", "..2025", "2025..", "2024..2025-10-02"})
    expect_round_trip(d.document, "date", v);

  for (const char* v : {"18-NQ/TW", "18-nq/tw", "29/2023/NĐ-CP", "29/2023/ND-CP", "512-CV/BTCTU"})
    expect_round_trip(d.document, "cites", v);
}

TEST(FieldRoundTrip, EverySampleFindsItselfByEachOfItsFields) {
  size_t with_type = 0, citations = 0;
  for (const char* dir : {"clean", "ocr"}) {
    for (const auto& entry : std::filesystem::directory_iterator(kSamples / dir)) {
      SCOPED_TRACE(entry.path().string());
      const Indexed d = index_sample(entry.path());
      const doc::Metadata& m = d.record.metadata;
      for (const std::string& v : {m.type, typed(m.type)})
        if (!m.type.empty()) expect_round_trip(d.document, "type", v);
      for (const std::string& v : {m.code, typed(m.code)})
        if (!m.code.empty()) expect_round_trip(d.document, "code", v);
      for (const std::string& v : {m.issuer, typed(m.issuer)})
        if (!m.issuer.empty()) expect_round_trip(d.document, "issuer", v);
      if (const std::string year = store::fields::date_year(m.date); !year.empty()) {
        expect_round_trip(d.document, "year", year);
        expect_round_trip(d.document, "date", year);
        if (m.date.size() == 10) expect_round_trip(d.document, "date", m.date);
      }
      for (const doc::Citation& c : d.record.citations) {
        // Extraction already repaired the code: indexing it repairs nothing more.
        EXPECT_EQ(doc::normalize_code(c.code), c.code);
        expect_round_trip(d.document, "cites", c.code);
        expect_round_trip(d.document, "cites", typed(c.code));
        ++citations;
      }
      with_type += !m.type.empty();
    }
  }
  EXPECT_GE(with_type, 20u);  // most samples have a header the extractor reads
  EXPECT_GE(citations, 20u);
}

TEST(Fields, DateSlotValuesAndBounds) {
  namespace fields = store::fields;
  EXPECT_EQ(fields::date_slot_value("2025-08-06"), "20250806");
  EXPECT_EQ(fields::date_slot_value("2025-10"), "20251000");  // OCR lost the day: first in its month
  EXPECT_EQ(fields::date_slot_value(""), "");
  EXPECT_EQ(fields::date_year("2025-10"), "2025");
  EXPECT_EQ(fields::date_year("2025"), "");
  EXPECT_EQ(fields::year_term("2025"), "XY2025");
  EXPECT_EQ(fields::date_bound("2024", false), "20240101");
  EXPECT_EQ(fields::date_bound("2024", true), "20241231");
  EXPECT_EQ(fields::date_bound("2024-03-05", true), "20240305");
  EXPECT_EQ(fields::date_bound("", false), "00000000");
  EXPECT_EQ(fields::date_bound("", true), "99999999");
  EXPECT_EQ(fields::date_bound("2024-13", false), "");
  EXPECT_EQ(fields::date_bound("24", true), "");
  EXPECT_EQ(fields::date_bound("2024-02", false), "20240201");
  EXPECT_EQ(fields::date_bound("2024-02", true), "20240229");
  EXPECT_EQ(fields::date_bound("2023-02", true), "20230228");
  EXPECT_EQ(fields::date_bound("5/3/2024", false), "20240305");  // day first, as documents write it
  EXPECT_EQ(fields::date_bound("05.03.2024", true), "20240305");
  EXPECT_EQ(fields::date_bound("31-12-2024", true), "20241231");
  for (const char* impossible : {"2025-13-45", "2024-04-31", "2023-02-29", "30/2/2024", "1/13/2024", "5/3/24", "5/3-2024"})
    EXPECT_EQ(fields::date_bound(impossible, false), "") << impossible;
}

TEST(Fields, IssuerWordsAsWrittenAndAsTyped) {
  namespace fields = store::fields;
  const std::vector<std::string> words = {"XIuy", "XIban", "XInhan", "XIdan"};
  EXPECT_EQ(fields::issuer_terms("ỦY BAN  NHÂN\tDÂN"), words);
  EXPECT_EQ(fields::issuer_query_terms("ủy ban  nhân dân"), words);
  EXPECT_TRUE(fields::issuer_terms(std::string(300, 'a')).empty());  // longer than a term may be
  EXPECT_TRUE(fields::issuer_terms("").empty());
  EXPECT_TRUE(fields::issuer_query_terms("  ").empty());
}
