#include <gtest/gtest.h>

#include "store/dictionary.hpp"
#include "store/frame_codec.hpp"
#include "store/record.hpp"
#include "store/sample_record.hpp"
#include "store/sidecar.hpp"
#include "test_util.hpp"

using namespace vn::store;
using vn::test::sample_record;

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
