// FacetCounter against Xapian's own ValueCountMatchSpy on the same matches.
#include "query/facet_counter.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

namespace {

using vn::query::FacetCounter;
using vn::query::FacetValue;

constexpr Xapian::valueno kSlot = 3;

// 600 documents with the term "all"; every third also has "third". Their
// slot holds one of 50 long values with a skewed frequency, or nothing.
Xapian::Database sample_database() {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 0; i < 600; ++i) {
    Xapian::Document doc;
    doc.add_term("all");
    if (i % 3 == 0) doc.add_term("third");
    if (i % 7 != 0) doc.add_value(kSlot, "ỦY BAN NHÂN DÂN TỈNH SỐ " + std::to_string((i * i) % 50));
    db.add_document(doc);
  }
  return db;
}

std::vector<FacetValue> xapian_counts(const Xapian::Database& db, const std::string& term, size_t limit) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(term));
  Xapian::ValueCountMatchSpy spy(kSlot);
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, db.get_doccount());
  std::vector<FacetValue> out;
  for (auto it = spy.top_values_begin(limit); it != spy.top_values_end(limit); ++it) out.push_back({*it, it.get_termfreq()});
  return out;
}

std::vector<FacetValue> our_counts(const Xapian::Database& db, const std::string& term, size_t limit) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(term));
  FacetCounter counter(kSlot);
  enquire.add_matchspy(&counter);
  enquire.get_mset(0, 0, db.get_doccount());
  return counter.top(limit);
}

void expect_same(const std::vector<FacetValue>& want, const std::vector<FacetValue>& got) {
  ASSERT_EQ(want.size(), got.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(want[i].value, got[i].value) << "rank " << i;
    EXPECT_EQ(want[i].count, got[i].count) << want[i].value;
  }
}

TEST(FacetCounter, CountsWhatValueCountMatchSpyCounts) {
  const Xapian::Database db = sample_database();
  for (const char* term : {"all", "third"})
    for (size_t limit : {1, 5, 1000}) expect_same(xapian_counts(db, term, limit), our_counts(db, term, limit));
}

TEST(FacetCounter, EmptyValuesAndNoMatchesCountNothing) {
  const Xapian::Database db = sample_database();
  EXPECT_TRUE(our_counts(db, "absent", 10).empty());
  FacetCounter counter(kSlot + 1);  // a slot no document sets
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("all"));
  enquire.add_matchspy(&counter);
  enquire.get_mset(0, 0, db.get_doccount());
  EXPECT_TRUE(counter.top(10).empty());
}

}  // namespace
