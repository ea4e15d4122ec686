#include <gtest/gtest.h>
#include <xapian.h>

#include "doc/title.hpp"
#include "index/document_builder.hpp"
#include "store/content_hash.hpp"
#include "store/dictionary.hpp"
#include "store/document_data.hpp"
#include "store/frame_codec.hpp"
#include "store/record.hpp"
#include "store/schema.hpp"
#include "store/sidecar.hpp"
#include "store/postings.hpp"
#include "test_util.hpp"

using namespace vn::store;

namespace {

DocumentRecord sample_record(int i) {
  DocumentRecord r;
  r.path = "/archive/doc-" + std::to_string(i) + ".txt";
  r.bytes = 1234 + static_cast<uint64_t>(i);
  r.mtime = 1700000000 + i;
  r.content_hash = content_hash(r.path);
  r.encoding = "utf-8";
  r.title = "BÁO CÁO Kiểm điểm công tác lãnh đạo";
  r.text = "ĐẢNG BỘ TỈNH LẠNG SƠN\nSố " + std::to_string(i) + "-BC/ĐU\nBÁO CÁO\nKiểm điểm công tác lãnh đạo, "
           "chỉ đạo của Ban Chấp hành Đảng bộ tỉnh nhiệm kỳ 2020 - 2025. \"Trích dẫn\" \\ \t\n";
  return r;
}

}  // namespace

TEST(Record, RoundTripsThroughJson) {
  DocumentRecord r = sample_record(7);
  r.restored = "Đảng bộ tỉnh";
  const DocumentRecord back = decode_record(encode_record(r));
  EXPECT_EQ(back.path, r.path);
  EXPECT_EQ(back.bytes, r.bytes);
  EXPECT_EQ(back.mtime, r.mtime);
  EXPECT_EQ(back.content_hash, r.content_hash);
  EXPECT_EQ(back.title, r.title);
  EXPECT_EQ(back.text, r.text);
  EXPECT_EQ(back.restored, r.restored);
  EXPECT_THROW(decode_record("{\"v\":99}"), std::runtime_error);
  EXPECT_THROW(decode_record("not json"), std::runtime_error);
}

TEST(DocumentData, RoundTrips) {
  const DocumentData d{"/a/b.txt", "Tiêu đề", {"000001.vsc", 42, 99}, "0123456789abcdef0123456789abcdef"};
  const DocumentData back = decode_document_data(encode_document_data(d));
  EXPECT_EQ(back.path, d.path);
  EXPECT_EQ(back.title, d.title);
  EXPECT_EQ(back.sidecar.file, "000001.vsc");
  EXPECT_EQ(back.sidecar.offset, 42u);
  EXPECT_EQ(back.sidecar.length, 99u);
  EXPECT_EQ(back.content_hash, d.content_hash);
  EXPECT_THROW(decode_document_data("{}"), std::runtime_error);
}

TEST(ContentHash, IsStableHex) {
  EXPECT_EQ(content_hash("abc").size(), 32u);
  EXPECT_EQ(content_hash("abc"), content_hash("abc"));
  EXPECT_NE(content_hash("abc"), content_hash("abd"));
}

TEST(Sidecar, WritesAndReadsFramesWithAndWithoutDictionary) {
  vn::test::TempDir dir;
  std::vector<std::string> samples;
  for (int i = 0; i < 400; ++i) samples.push_back(encode_record(sample_record(i)));
  const DictionaryTrial trial = try_dictionary(samples, 4096, 3);
  ASSERT_TRUE(trial.trained);
  EXPECT_LT(trial.bytes_with, trial.bytes_without);  // near-identical records: a dictionary pays

  SidecarWriter writer(dir.path());
  FrameCompressor with_dict(3, trial.dictionary), plain(3, "");
  writer.store_dictionary(with_dict.dictionary_id(), trial.dictionary);
  std::vector<SidecarLocation> where;
  for (int i = 0; i < 20; ++i)
    where.push_back(writer.append((i % 2 ? with_dict : plain).compress(encode_record(sample_record(i)))));
  writer.sync();

  SidecarReader reader(dir.path());
  for (int i = 19; i >= 0; --i) EXPECT_EQ(reader.read(where[i]).path, sample_record(i).path);
  SidecarLocation bad = where[3];
  bad.length -= 1;
  EXPECT_THROW(reader.read(bad), std::runtime_error);
  bad.file = "../etc/passwd";
  EXPECT_THROW(reader.read(bad), std::runtime_error);
}

TEST(Sidecar, NewWriterStartsANewFile) {
  vn::test::TempDir dir;
  SidecarLocation a, b;
  {
    SidecarWriter w(dir.path());
    a = w.append("x");
  }
  {
    SidecarWriter w(dir.path());
    b = w.append("y");
  }
  EXPECT_EQ(a.file, "000000.vsc");
  EXPECT_EQ(b.file, "000001.vsc");
}

TEST(Terms, AccentedTokensHaveExactAndFoldedTermsAtSamePositions) {
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
  const std::string folded(schema::kFoldedPrefix);
  EXPECT_EQ(positions("đảng"), std::vector<Xapian::termpos>{1});
  EXPECT_EQ(positions(folded + "dang"), std::vector<Xapian::termpos>{1});
  EXPECT_EQ(positions("tỉnh"), std::vector<Xapian::termpos>{3});
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
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    EXPECT_LE((*it).size(), 245u);
    if (*it == "cuối") {
      EXPECT_EQ(*it.positionlist_begin(), 2u);
    }
  }
}

TEST(Schema, LongPathsGetHashedIdTerms) {
  EXPECT_EQ(schema::id_term("/a.txt"), "Q/a.txt");
  const std::string long_path(500, 'x');
  EXPECT_LE(schema::id_term(long_path).size(), schema::kMaxTermBytes);
  EXPECT_NE(schema::id_term(long_path), schema::id_term(long_path + "y"));
}

TEST(Title, TypeLinePlusSubjectOrSubjectLineOrFirstLine) {
  EXPECT_EQ(vn::doc::title_of("ĐẢNG BỘ TỈNH\n\n  BÁO   CÁO \nKiểm điểm công tác\nnhiệm kỳ"), "BÁO CÁO Kiểm điểm công tác");
  EXPECT_EQ(vn::doc::title_of("DANG BO TINH\nBAO CAO\nKiém diém"), "BAO CAO Kiém diém");
  EXPECT_EQ(vn::doc::title_of("UBND TỈNH\nSố: 1/UBND\nV/v đôn đốc thực hiện\nnhiệm vụ"), "V/v đôn đốc thực hiện");
  EXPECT_EQ(vn::doc::title_of("\n\nDòng đầu tiên\nDòng hai"), "Dòng đầu tiên");
  EXPECT_EQ(vn::doc::title_of(""), "");
  EXPECT_EQ(vn::doc::title_of(std::string(500, 'x'), 100).size(), 100u);
  EXPECT_EQ(vn::doc::title_of("ĐẢNG", 3), "Đ");  // never cuts a UTF-8 sequence
}
