// Indexes built for remote serving (vnindex index --remote-ready): every
// document carries its record, the metadata every dictionary, and the
// index stays so.
#include <gtest/gtest.h>
#include <xapian.h>

#include "index/index_test_util.hpp"
#include "store/document_data.hpp"
#include "store/frame_codec.hpp"
#include "store/schema.hpp"
#include "store/sidecar.hpp"

using namespace vn;
namespace fs = std::filesystem;

namespace {

// Checks that every document's record value is its sidecar record's bytes;
// returns how many documents there are.
size_t check_records(const fs::path& db) {
  Xapian::Database x(store::schema::xapian_dir(db).string());
  const store::SidecarReader sidecar(store::schema::sidecar_dir(db));
  size_t n = 0;
  for (auto it = x.postlist_begin(""); it != x.postlist_end(""); ++it, ++n) {
    const Xapian::Document doc = x.get_document(*it);
    const store::DocumentData data = store::decode_document_data(doc.get_data());
    EXPECT_EQ(doc.get_value(store::schema::kSlotRecord), sidecar.read_frame(data.sidecar)) << data.path;
  }
  return n;
}

}  // namespace

TEST(RemoteReady, EveryDocumentCarriesItsRecordAndTheMetadataEveryDictionary) {
  test::TempDir src, db;
  test::write_docs(src.path(), 300, "một");  // enough for a dictionary
  const auto first = test::index_tree(db.path(), src.path(), {.restore = false, .remote_ready = true});
  ASSERT_TRUE(first.dictionary_used);
  Xapian::Database x(store::schema::xapian_dir(db.path()).string());
  EXPECT_EQ(x.get_metadata(std::string(store::schema::kRemoteReadyKey)), "1");
  const unsigned id = static_cast<unsigned>(std::stoul(x.get_metadata(std::string(store::schema::kDictionaryKey))));
  const std::string dictionary = x.get_metadata(store::schema::dictionary_key(id));
  EXPECT_EQ(store::dictionary_id(dictionary), id);
  EXPECT_EQ(check_records(db.path()), 300u);
  // A later run without the flag keeps the index so.
  test::write_file(src / "new.txt", "Thông báo kết luận của Ban Thường vụ");
  test::index_tree(db.path(), src.path(), {.restore = false});
  EXPECT_EQ(check_records(db.path()), 301u);
}

TEST(RemoteReady, AnIndexBuiltOtherwiseBecomesSoOnlyWhenRebuilt) {
  test::TempDir src, db;
  test::write_docs(src.path(), 5, "một");
  test::index_tree(db.path(), src.path(), {.restore = false});
  EXPECT_THROW(test::index_tree(db.path(), src.path(), {.restore = false, .remote_ready = true}), index::RemoteReadyMismatch);
  Xapian::Database before(store::schema::xapian_dir(db.path()).string());
  EXPECT_EQ(before.get_metadata(std::string(store::schema::kRemoteReadyKey)), "");
  test::index_tree(db.path(), src.path(), {.force = true, .restore = false, .remote_ready = true});
  Xapian::Database after(store::schema::xapian_dir(db.path()).string());
  EXPECT_EQ(after.get_metadata(std::string(store::schema::kRemoteReadyKey)), "1");
  EXPECT_EQ(check_records(db.path()), 5u);
}
