#include <gtest/gtest.h>

#include "store/content_hash.hpp"
#include "store/document_data.hpp"

using namespace vn::store;

TEST(DocumentData, RoundTrips) {
  const DocumentData d{"/a/b.txt", "Tiêu đề", {"000001.vsc", 42, 99}, "0123456789abcdef0123456789abcdef", {}};
  const DocumentData back = decode_document_data(encode_document_data(d));
  EXPECT_EQ(back.path, d.path);
  EXPECT_EQ(back.title, d.title);
  EXPECT_EQ(back.sidecar.file, "000001.vsc");
  EXPECT_EQ(back.sidecar.offset, 42u);
  EXPECT_EQ(back.sidecar.length, 99u);
  EXPECT_EQ(back.content_hash, d.content_hash);
  EXPECT_TRUE(back.chunk_starts.empty());
  EXPECT_EQ(encode_document_data(d).find("\"ck\""), std::string::npos);  // one-frame records: data as before
  EXPECT_THROW(decode_document_data("{}"), std::runtime_error);
}

TEST(DocumentData, ARecordInChunksCarriesWhereItsChunksStart) {
  const DocumentData d{"/a/huge.txt", "Tiêu đề", {"000001.vsc", 0, 5000}, "", {0, 51234, 102400}};
  EXPECT_EQ(decode_document_data(encode_document_data(d)).chunk_starts, d.chunk_starts);
}
