#include <gtest/gtest.h>

#include "store/content_hash.hpp"
#include "store/record.hpp"
#include "store/sample_record.hpp"

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
