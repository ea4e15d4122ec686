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

// Issue 10: damage a run must repair is damage check() finds. For one
// record with and one without a dictionary, every byte of the frame
// flipped in turn: check() fails exactly when read() fails, and a read
// that succeeds gives the record back unchanged (the checksum catches
// what would decompress to other content).
TEST(Sidecar, CheckFailsExactlyWhenTheRecordCannotBeRead) {
  vn::test::TempDir dir;
  std::vector<std::string> samples;
  for (int i = 0; i < 400; ++i) samples.push_back(encode_record(sample_record(i)));
  const DictionaryTrial trial = try_dictionary(samples, 4096, 3);
  ASSERT_TRUE(trial.trained);
  FrameCompressor with_dict(3, trial.dictionary), plain(3, "");
  SidecarWriter(dir.path()).store_dictionary(with_dict.dictionary_id(), trial.dictionary);
  const DocumentRecord record = sample_record(7);
  for (const FrameCompressor* c : {&plain, &with_dict}) {
    const std::string frame = c->compress(encode_record(record));
    const SidecarLocation at{"000000.vsc", 0, frame.size()};
    size_t unreadable = 0;
    for (size_t i = 0; i < frame.size(); ++i) {
      for (const unsigned char flip : {0x01, 0x80, 0xFF}) {
        std::string damaged = frame;
        damaged[i] = static_cast<char>(damaged[i] ^ flip);
        vn::test::write_file(dir / "000000.vsc", damaged);
        const SidecarReader reader(dir.path());
        bool read_fails = false;
        try {
          EXPECT_EQ(encode_record(reader.read(at)), encode_record(record)) << "byte " << i;
        } catch (const std::runtime_error&) {
          read_fails = true;
        }
        bool check_fails = false;
        try {
          reader.check(at);
        } catch (const std::runtime_error&) {
          check_fails = true;
        }
        EXPECT_EQ(check_fails, read_fails) << "byte " << i << " ^ " << int(flip);
        unreadable += read_fails;
      }
    }
    EXPECT_GT(unreadable, frame.size() * 2);  // nearly every flip is damage
  }
}

TEST(Sidecar, CheckNamesAMissingOrDamagedDictionary) {
  vn::test::TempDir dir;
  std::vector<std::string> samples;
  for (int i = 0; i < 400; ++i) samples.push_back(encode_record(sample_record(i)));
  const DictionaryTrial trial = try_dictionary(samples, 4096, 3);
  ASSERT_TRUE(trial.trained);
  const FrameCompressor with_dict(3, trial.dictionary);
  SidecarWriter writer(dir.path());
  writer.store_dictionary(with_dict.dictionary_id(), trial.dictionary);
  const SidecarLocation at = writer.append(with_dict.compress(encode_record(sample_record(1))));
  writer.sync();
  auto check_error = [&] {
    try {
      SidecarReader(dir.path()).check(at);
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(check_error(), "");
  const auto dict = dir / dictionary_file_name(with_dict.dictionary_id());
  std::filesystem::remove(dict);
  EXPECT_NE(check_error().find("missing sidecar dictionary"), std::string::npos) << check_error();
  // Any bytes pass for a zstd "raw content" dictionary: the id tells.
  vn::test::write_file(dict, std::string(8192, 'x'));
  EXPECT_NE(check_error().find("corrupt sidecar dictionary"), std::string::npos) << check_error();
  EXPECT_EQ(dictionary_id(std::string(8192, 'x')), 0u);
  EXPECT_EQ(dictionary_id(trial.dictionary.substr(0, 100)), 0u);  // cut short in its tables
  EXPECT_EQ(dictionary_id(trial.dictionary), with_dict.dictionary_id());
  EXPECT_THROW(FrameCompressor(3, std::string(8192, 'x')), std::runtime_error);
}
