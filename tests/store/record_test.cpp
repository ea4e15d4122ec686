#include <gtest/gtest.h>

#include "store/content_hash.hpp"
#include "store/record.hpp"
#include "store/sample_record.hpp"
#include "store/text_chunk.hpp"

using namespace vn::store;
using vn::test::sample_record;

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

// Issue 13: other readings of uncertain tokens are kept with the record,
// so that a moved or copied file is indexed with them again.
TEST(Record, AlternativeReadingsRoundTrip) {
  DocumentRecord r = sample_record(3);
  r.restored = "Đảng bộ tỉnh";
  EXPECT_EQ(encode_record(r).find("alternatives"), std::string::npos);  // none: not written
  r.alternatives = {{0, {"bằng", "pang"}}, {9, {"tính"}}};
  const DocumentRecord back = decode_record(encode_record(r));
  ASSERT_EQ(back.alternatives.size(), 2u);
  EXPECT_EQ(back.alternatives[0].offset, 0u);
  EXPECT_EQ(back.alternatives[0].readings, (std::vector<std::string>{"bằng", "pang"}));
  EXPECT_EQ(back.alternatives[1].offset, 9u);
  EXPECT_EQ(back.alternatives[1].readings, std::vector<std::string>{"tính"});
  std::string bad = encode_record(r);
  bad.replace(bad.find("[0,"), 3, "[\"x\",");
  EXPECT_THROW(decode_record(bad), std::runtime_error);
}

TEST(Record, RecordsOfOneFrameKeepVersionOne) {
  const std::string json = encode_record(sample_record(1));
  EXPECT_EQ(json.rfind("{\"v\":1,", 0), 0u) << json;
  EXPECT_NE(json.find("\"text\":"), std::string::npos);
  EXPECT_EQ(json.find("\"chunks\""), std::string::npos);
}

// A restored record stores its original text as a delta from the restored
// text (store/text_delta.hpp).
TEST(Record, RestoredRecordsAreVersionThreeWithADelta) {
  DocumentRecord r = sample_record(2);
  r.restored = r.text;
  r.text = "DANG BO TINH LANG SON\nSo 2-BC/DU\nBAO CAO\nKiém diém cong tac lanh dao, "
           "chi dao cua Ban Chap hanh Dang bo tinh nhiém ky 2020 - 2025. \"Trich dan\" \\ \t\n";
  r.low_confidence = {{3, 2, "bộ", 0.25f}};
  const std::string json = encode_record(r);
  EXPECT_EQ(json.rfind("{\"v\":3,", 0), 0u) << json;
  EXPECT_EQ(json.find("\"text\""), std::string::npos) << json;
  const DocumentRecord back = decode_record(json);
  EXPECT_EQ(back.text, r.text);
  EXPECT_EQ(back.restored, r.restored);
  ASSERT_EQ(back.low_confidence.size(), 1u);
  EXPECT_EQ(back.low_confidence[0].restored, "bộ");
  // Lines that do not match: both texts as they are (version 1).
  r.text = "one line";
  EXPECT_EQ(encode_record(r).rfind("{\"v\":1,", 0), 0u);
  EXPECT_EQ(decode_record(encode_record(r)).text, "one line");
}

// Records written before version 3 hold both texts; they stay readable.
TEST(Record, ReadsRestoredRecordsOfVersionOne) {
  const DocumentRecord r = decode_record(
      "{\"v\":1,\"path\":\"/a/b.txt\",\"bytes\":27,\"mtime\":1700000000,\"hash\":\"00ff\",\"encoding\":\"utf-8\","
      "\"title\":\"Đảng bộ tỉnh\",\"text\":\"Pang bo tinh\\n1an thir XIX\",\"restored\":\"Đảng bộ tỉnh\\nlần thứ XIX\","
      "\"metadata\":{},\"citations\":[],\"low_confidence\":[{\"start\":13,\"end\":16,\"restored\":\"lần\",\"confidence\":0.4}]}");
  EXPECT_EQ(r.path, "/a/b.txt");
  EXPECT_EQ(r.text, "Pang bo tinh\n1an thir XIX");
  EXPECT_EQ(r.restored, std::optional<std::string>("Đảng bộ tỉnh\nlần thứ XIX"));
  EXPECT_EQ(r.title, "Đảng bộ tỉnh");
  ASSERT_EQ(r.low_confidence.size(), 1u);
  EXPECT_EQ(r.low_confidence[0].length, 3u);
}

// Issue 10: the header of a huge document's record holds no text, only
// where its chunks are.
TEST(Record, AHeaderOfARecordInChunksHoldsNoText) {
  DocumentRecord r = sample_record(3);
  r.text.clear();
  r.restored = "";
  r.chunks = {{120, 0}, {98, 4000}, {77, 9000}};
  const std::string json = encode_record(r);
  EXPECT_EQ(json.rfind("{\"v\":2,", 0), 0u) << json;
  EXPECT_EQ(json.find("\"text\""), std::string::npos) << json;
  const DocumentRecord back = decode_record(json);
  ASSERT_EQ(back.chunks.size(), 3u);
  EXPECT_EQ(back.chunks[1].frame_bytes, 98u);
  EXPECT_EQ(back.chunks[2].positions_before, 9000u);
  EXPECT_EQ(back.restored, std::optional<std::string>(""));  // restored: its chunks hold the restoration
  EXPECT_EQ(back.path, r.path);
  EXPECT_EQ(back.content_hash, r.content_hash);
  r.restored.reset();
  EXPECT_FALSE(decode_record(encode_record(r)).restored.has_value());
  EXPECT_THROW(decode_record("{\"v\":2,\"path\":\"/a\",\"bytes\":1,\"mtime\":1,\"hash\":\"h\",\"encoding\":\"utf-8\","
                             "\"title\":\"t\",\"restored\":false,\"chunks\":[]}"),
               std::runtime_error);
}

TEST(TextChunk, RoundTripsThroughJson) {
  TextChunk c;
  c.text = "Dang bo tinh \"trich\" \\ \n";
  c.restored = "Đảng bộ tỉnh \"trích\" \\ \n";
  c.low_confidence = {{300000, 4, "Đảng", 0.25f}};
  const TextChunk back = decode_text_chunk(encode_text_chunk(c));
  EXPECT_EQ(back.text, c.text);
  EXPECT_EQ(back.restored, c.restored);
  ASSERT_EQ(back.low_confidence.size(), 1u);
  EXPECT_EQ(back.low_confidence[0].offset, 300000u);
  EXPECT_EQ(back.low_confidence[0].restored, "Đảng");
  c.restored.reset();
  EXPECT_FALSE(decode_text_chunk(encode_text_chunk(c)).restored.has_value());
  EXPECT_THROW(decode_text_chunk("{\"restored\":null}"), std::runtime_error);
}

TEST(TextChunk, RestoredChunksStoreTheDeltaAndOldChunksStayReadable) {
  TextChunk c;
  c.text = "Pang bo tinh\n1an thir XIX";
  c.restored = "Đảng bộ tỉnh\nlần thứ XIX";
  const std::string json = encode_text_chunk(c);
  EXPECT_EQ(json.find("\"text\""), std::string::npos) << json;
  EXPECT_EQ(decode_text_chunk(json).text, c.text);
  // A chunk written before deltas (record version 2 with both texts).
  const TextChunk old = decode_text_chunk(
      "{\"text\":\"Pang bo tinh\",\"restored\":\"Đảng bộ tỉnh\",\"low_confidence\":[]}");
  EXPECT_EQ(old.text, "Pang bo tinh");
  EXPECT_EQ(old.restored, std::optional<std::string>("Đảng bộ tỉnh"));
  EXPECT_THROW(decode_text_chunk("{\"delta\":\"\",\"restored\":null}"), std::runtime_error);
}
