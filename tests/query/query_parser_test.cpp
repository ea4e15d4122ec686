#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>

#include "index/document_builder.hpp"
#include "query/query_parser.hpp"
#include "query/snippet.hpp"
#include "restore/restorer.hpp"

using namespace vn::query;

namespace {

// A small in-memory index: docid i+1 holds texts[i].
class QueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const std::vector<std::string> texts = {
        "Đảng bộ tỉnh lãnh đạo thực hiện Nghị quyết số 18-NQ/TW",  // 1: accented
        "Dang bo tinh lanh dao thuc hien nghi quyet",               // 2: OCR without marks
        "Ủy ban nhân dân tỉnh báo cáo kết quả",                    // 3
        "bộ tỉnh Đảng",                                              // 4: same words, other order
        "Công tác thủy lợi và hóa chất",                             // 5: old-style tones
    };
    for (size_t i = 0; i < texts.size(); ++i) {
      vn::store::DocumentRecord r;
      r.path = "/doc" + std::to_string(i + 1);
      r.text = texts[i];
      db_.add_document(vn::index::make_xapian_document(r));
    }
  }

  std::vector<Xapian::docid> search(const std::string& q, DefaultOperator op = DefaultOperator::kAnd) {
    Xapian::Enquire e(db_);
    e.set_query(parse_query(q, op).query);
    std::vector<Xapian::docid> out;
    for (auto it : e.get_mset(0, 100)) out.push_back(it);
    return out;
  }

  static std::vector<Xapian::docid> sorted(std::vector<Xapian::docid> v) {
    std::sort(v.begin(), v.end());
    return v;
  }

  Xapian::WritableDatabase db_;
};

}  // namespace

TEST_F(QueryTest, UnaccentedQueryMatchesBothSpellings) {
  EXPECT_EQ(sorted(search("dang bo tinh")), (std::vector<Xapian::docid>{1, 2, 4}));
}

TEST_F(QueryTest, AccentedQueryRanksExactSpellingFirst) {
  const auto hits = search("Đảng bộ tỉnh");
  ASSERT_EQ(sorted(hits), (std::vector<Xapian::docid>{1, 2, 4}));
  EXPECT_NE(hits.back(), 1u);
  EXPECT_NE(hits.front(), 2u);  // the unaccented OCR text ranks below exact matches
}

TEST_F(QueryTest, PhrasesRespectOrder) {
  EXPECT_EQ(sorted(search("\"dang bo tinh\"")), (std::vector<Xapian::docid>{1, 2}));
  const auto hits = search("\"Đảng bộ tỉnh\"");
  ASSERT_EQ(sorted(hits), (std::vector<Xapian::docid>{1, 2}));
  EXPECT_EQ(hits.front(), 1u);
}

// Issue 13: a phrase or run of words of which the restorer misread one
// word still finds the document, as an approximate match (one word free,
// a phrase's other words in their places); two words less one would be
// one word, so those have no approximate form.
TEST_F(QueryTest, LongPhrasesAndWordRunsHaveAnApproximateForm) {
  auto approximate = [&](const std::string& q) {
    std::vector<Xapian::docid> out;
    const ParsedQuery parsed = parse_query(q);
    if (parsed.approximate.empty()) return out;
    Xapian::Enquire e(db_);
    e.set_query(parsed.approximate);
    for (auto it : e.get_mset(0, 100)) out.push_back(it);
    std::sort(out.begin(), out.end());
    return out;
  };
  // Doc 2 reads "thuc hien nghi quyet": "thuc" misread as "thac" leaves three of four in place.
  EXPECT_EQ(approximate("\"thac hien nghi quyet\""), (std::vector<Xapian::docid>{1, 2}));
  EXPECT_EQ(approximate("\"nghi thac hien quyet\""), std::vector<Xapian::docid>{});  // out of place
  EXPECT_EQ(approximate("quyet thac hien"), (std::vector<Xapian::docid>{1, 2}));       // words: any order
  EXPECT_EQ(approximate("+bao cao ket qua xyz"), (std::vector<Xapian::docid>{3}));
  EXPECT_EQ(approximate("cao +xyz ket qua"), std::vector<Xapian::docid>{});  // a required word stays required
  // Numbers and codes never differ: version 13 is not version 12.
  EXPECT_EQ(approximate("\"nghi quyet so 19-NQ/TW\""), std::vector<Xapian::docid>{});
  EXPECT_EQ(approximate("\"nghi quyet sb 18-NQ/TW\""), (std::vector<Xapian::docid>{1}));
  EXPECT_TRUE(parse_query("\"dang bo\"").approximate.empty());
  EXPECT_TRUE(parse_query("dang bo").approximate.empty());
  EXPECT_TRUE(parse_query("dang OR bo OR tinh").approximate.empty());
  // The exact query and the words recorded for highlighting are the same as without it.
  EXPECT_EQ(parse_query("\"thac hien nghi quyet\"").words.size(), 4u);
  EXPECT_EQ(search("\"thac hien nghi quyet\""), std::vector<Xapian::docid>{});
}

TEST_F(QueryTest, BooleanOperatorsAndSigns) {
  EXPECT_EQ(sorted(search("tinh NOT dang")), (std::vector<Xapian::docid>{3}));
  EXPECT_EQ(sorted(search("tinh -dang")), (std::vector<Xapian::docid>{3}));
  EXPECT_EQ(sorted(search("bao OR thuy")), (std::vector<Xapian::docid>{3, 5}));
  EXPECT_EQ(sorted(search("(bao OR thuy) AND cong")), (std::vector<Xapian::docid>{5}));
  EXPECT_EQ(sorted(search("+tinh bao", DefaultOperator::kOr)), (std::vector<Xapian::docid>{1, 2, 3, 4}));
  EXPECT_EQ(sorted(search("tinh AND NOT (dang OR bao)")), std::vector<Xapian::docid>{});
}

TEST_F(QueryTest, CodesAndToneVariants) {
  EXPECT_EQ(search("18-NQ/TW"), (std::vector<Xapian::docid>{1}));
  EXPECT_EQ(search("18-nq/tw"), (std::vector<Xapian::docid>{1}));
  EXPECT_EQ(search("thuỷ lợi"), (std::vector<Xapian::docid>{5}));  // new-style query, old-style text
  EXPECT_EQ(search("hoá"), (std::vector<Xapian::docid>{5}));
}

TEST(QueryParser, RejectsEmptyAndInvalidQueries) {
  EXPECT_THROW(parse_query(""), QueryError);
  EXPECT_THROW(parse_query("  ,;  "), QueryError);
  EXPECT_THROW(parse_query("\xC3"), QueryError);
  EXPECT_NO_THROW(parse_query("((dang"));
  // Found by query_fuzz: deep nesting overflowed the stack.
  EXPECT_THROW(parse_query(std::string(100000, '(') + "x"), QueryError);
  EXPECT_NO_THROW(parse_query(std::string(100, '(') + "x"));
  EXPECT_NO_THROW(parse_query("dang ) bo"));
  EXPECT_NO_THROW(parse_query("AND OR NOT dang"));
}

// Issue 10: 10k words with --any took 51 s and a 100 KB query 83 s.
TEST(QueryParser, BoundsQueryLengthWordsAndNesting) {
  std::string words;
  for (size_t i = 0; i < kMaxQueryWords; ++i) words += "dang ";
  EXPECT_NO_THROW(parse_query(words, DefaultOperator::kOr));
  try {
    parse_query(words + "bo", DefaultOperator::kOr);
    ADD_FAILURE() << "no error for too many words";
  } catch (const QueryError& e) {
    EXPECT_STREQ(e.what(), "the query has too many words (257; at most 256)");
  }
  EXPECT_THROW(parse_query("\"" + words + "bo\""), QueryError);  // in a phrase too
  try {
    parse_query(std::string(kMaxQueryBytes + 1, 'x'));
    ADD_FAILURE() << "no error for a long query";
  } catch (const QueryError& e) {
    EXPECT_STREQ(e.what(), "the query is too long (4097 bytes; at most 4096)");
  }
  EXPECT_THROW(parse_query(std::string(150, '(') + "x"), QueryError);  // nesting, within the length bound
}

TEST(QueryParser, RecordsWordsForHighlighting) {
  const auto p = parse_query("Đảng bo -tinh");
  ASSERT_EQ(p.words.size(), 2u);
  EXPECT_EQ(p.words[0].exact, "đảng");
  EXPECT_TRUE(p.words[0].accented);
  EXPECT_EQ(p.words[1].folded, "bo");
  EXPECT_FALSE(p.words[1].accented);
}

TEST(QueryParser, RestoredQueryRanksItsExactReadingFirst) {
  const auto restorer = vn::restore::Restorer::load(vn::restore::default_model_dir());
  const auto p = parse_query("dang bo tinh", DefaultOperator::kAnd, restorer.get());
  EXPECT_EQ(p.restored, "đảng bộ tỉnh");
  // The unaccented words still match folded; the restored spellings add exact terms.
  const std::string d = p.query.get_description();
  EXPECT_NE(d.find("XFdang"), std::string::npos) << d;
  EXPECT_NE(d.find("đảng"), std::string::npos) << d;

  // A syllable the OCR split ("Ngh i") is restored as one: the words after
  // it keep their own readings.
  const std::string split = parse_query("ngh i quyet dang bo", DefaultOperator::kAnd, restorer.get()).query.get_description();
  EXPECT_NE(split.find("quyết"), std::string::npos) << split;
  EXPECT_NE(split.find("đảng"), std::string::npos) << split;

  Xapian::WritableDatabase db = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const char* text : {"đang bộ tịnh", "Đảng bộ tỉnh"}) {  // same folded words, one exact reading
    vn::store::DocumentRecord r;
    r.path = text;
    r.text = text;
    db.add_document(vn::index::make_xapian_document(r));
  }
  Xapian::Enquire e(db);
  e.set_query(p.query);
  const Xapian::MSet m = e.get_mset(0, 10);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(*m.begin(), 2u);  // "Đảng bộ tỉnh" first
}

TEST(QueryParser, ReadingsReachTheTokensOfEveryWordAndPhrase) {
  const auto restorer = vn::restore::Restorer::load(vn::restore::default_model_dir());
  // Filters are not restored; a word typed with diacritics is restored
  // along with the others but keeps its own spelling.
  const auto p = parse_query("type:bc \"dang bộ\" cites:18-NQ/TW tinh (uy ban)", DefaultOperator::kAnd, restorer.get());
  EXPECT_EQ(p.restored, "đảng bộ tỉnh ủy ban");
  const std::string d = p.query.get_description();
  for (const char* exact : {"(đảng AND bộ)", "(XFtinh AND_MAYBE tỉnh)", "(XFuy AND_MAYBE uỷ)", "XKbaocao"})
    EXPECT_NE(d.find(exact), std::string::npos) << exact << " in " << d;
}

TEST(QueryParser, FiltersCompileToBooleanTermsAndRanges) {
  EXPECT_NE(parse_query("type:bc").query.get_description().find("XKbaocao"), std::string::npos);
  EXPECT_NE(parse_query("type:\"Nghị quyết\"").query.get_description().find("XKnghiquyet"), std::string::npos);
  EXPECT_NE(parse_query("cites:18-NQ/TW dang").query.get_description().find("XR18-nq/tw"), std::string::npos);
  EXPECT_NE(parse_query("code:2098-QB/TU").query.get_description().find("XC2098-qd/tu"), std::string::npos);
  EXPECT_NE(parse_query("year:2023..2025").query.get_description().find("XY2024"), std::string::npos);
  EXPECT_NE(parse_query("date:2024..").query.get_description().find("VALUE_RANGE"), std::string::npos);
  EXPECT_THROW(parse_query("year:20x5"), QueryError);
  EXPECT_THROW(parse_query("date:2024-13"), QueryError);
  try {
    parse_query("date:2025..2020");
    ADD_FAILURE() << "an empty date range must be an error";
  } catch (const QueryError& e) {
    EXPECT_STREQ(e.what(), "the date range is empty: 2025 is after 2020");
  }
  EXPECT_THROW(parse_query("type:"), QueryError);
  // Not a filter: a URL is searched as words (a mistyped field is an error,
  // see UnknownFieldsAndImpossibleDatesAreErrors).
  EXPECT_NO_THROW(parse_query("http://example"));
}

// Issue 13: unquoted words rank the passage where they stand together
// first, then where they stand near each other in order, then scattered,
// although BM25 alone prefers the short scattered one.
TEST(QueryParser, UnquotedWordsRankByProximity) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::string filler = " Văn bản hướng dẫn công tác thi đua khen thưởng năm nay của các cơ quan đơn vị.";
  const std::vector<std::string> texts = {
      "Tỉnh có nhiều sở, ngành và bộ phận chuyên môn; đảng viên.",         // 1: scattered, short
      "Báo cáo của Đảng bộ tỉnh." + filler + filler,                      // 2: together
      "Đảng ủy, các bộ và tỉnh." + filler,                                 // 3: near, in order
  };
  for (size_t i = 0; i < texts.size(); ++i) {
    vn::store::DocumentRecord r;
    r.path = "/doc" + std::to_string(i + 1);
    r.text = texts[i];
    db.add_document(vn::index::make_xapian_document(r));
  }
  Xapian::Enquire e(db);
  e.set_query(parse_query("dang bo tinh").query);
  std::vector<Xapian::docid> hits;
  for (auto it : e.get_mset(0, 10)) hits.push_back(it);
  EXPECT_EQ(hits, (std::vector<Xapian::docid>{2, 3, 1}));
  // A quoted phrase still matches only where the words stand together.
  e.set_query(parse_query("\"dang bo tinh\"").query);
  EXPECT_EQ(e.get_mset(0, 10).size(), 1u);
}

// Issue 13: the rest of the syntax users know from Xapian's tools.
TEST_F(QueryTest, WildcardsXorNearAndAdj) {
  EXPECT_EQ(sorted(search("thu*")), (std::vector<Xapian::docid>{1, 2, 5}));  // thực, thuc, thủy
  EXPECT_EQ(sorted(search("lanh XOR bao")), (std::vector<Xapian::docid>{1, 2, 3}));
  EXPECT_EQ(sorted(search("tinh XOR dang")), (std::vector<Xapian::docid>{3}));
  EXPECT_EQ(sorted(search("dang NEAR tinh")), (std::vector<Xapian::docid>{1, 2, 4}));  // any order
  EXPECT_EQ(sorted(search("dang ADJ tinh")), (std::vector<Xapian::docid>{1, 2}));      // in order
  EXPECT_EQ(sorted(search("dang NEAR/2 tinh")), (std::vector<Xapian::docid>{1, 2, 4}));
  EXPECT_EQ(sorted(search("dang ADJ/1 tinh")), std::vector<Xapian::docid>{});  // "bộ" between
  EXPECT_EQ(sorted(search("dang ADJ/5 quyet")), std::vector<Xapian::docid>{});  // too far apart
  EXPECT_THROW(parse_query("NEAR tinh"), QueryError);
  EXPECT_THROW(parse_query("dang NEAR/0 tinh"), QueryError);
}

TEST(QueryParser, UnknownFieldsAndImpossibleDatesAreErrors) {
  for (const char* q : {"yaer:2025", "Type:bc", "date:2025-13-45", "date:30/2/2024", "date:2023-02-29"}) {
    try {
      parse_query(q);
      ADD_FAILURE() << q;
    } catch (const QueryError& e) {
      const std::string what = e.what();
      EXPECT_TRUE(what.find("the fields are type, code") != std::string::npos || what.find("is not a date") != std::string::npos)
          << q << ": " << what;
    }
  }
  EXPECT_NO_THROW(parse_query("10:30 \"yaer:2025\""));  // a time, and quoted text, are searched
  for (const char* q : {"date:5/3/2024", "date:05.03.2024..2024-06", "date:2024-02-29", "date:2024-02"})
    EXPECT_NE(parse_query(q).query.get_description().find("VALUE_RANGE"), std::string::npos) << q;
}
