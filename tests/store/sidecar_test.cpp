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

TEST(Sidecar, TheShardsOfOneArchiveNameTheirFilesApart) {
  vn::test::TempDir dir;
  auto next_file = [&](unsigned residue) {
    SidecarWriter w(dir.path(), {.residue = residue, .modulus = 3});
    return w.append("x").file;
  };
  EXPECT_EQ(next_file(1), "000001.vsc");
  EXPECT_EQ(next_file(1), "000004.vsc");
  EXPECT_EQ(next_file(0), "000006.vsc");  // past every file there, in its own residue
  EXPECT_EQ(next_file(2), "000008.vsc");
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

namespace {

// A record in chunks as the indexer writes it: its header, then its chunks.
RecordFrames record_in_chunks(const FrameCompressor& c, DocumentRecord header, const std::vector<TextChunk>& chunks) {
  RecordFrames out;
  out.frames.emplace_back();
  header.text.clear();
  header.restored = "";
  uint32_t pos = 0;
  for (const TextChunk& t : chunks) {
    out.frames.push_back(c.compress(encode_text_chunk(t)));
    header.chunks.push_back({out.frames.back().size(), pos});
    pos += 1000;
  }
  out.frames.front() = c.compress(encode_record(header));
  return out;
}

std::vector<TextChunk> three_chunks() {
  std::vector<TextChunk> chunks;
  for (int i = 0; i < 3; ++i) {
    TextChunk t;
    t.text = "Dang bo tinh, phan " + std::to_string(i) + ".\n";
    t.restored = "Đảng bộ tỉnh, phần " + std::to_string(i) + ".\n";
    t.low_confidence = {{static_cast<uint32_t>(40 * i), 4, "Đảng", 0.3f}};
    chunks.push_back(t);
  }
  return chunks;
}

}  // namespace

// Issue 10: a huge document's record is read a chunk at a time; records of
// one frame read as before.
TEST(Sidecar, RecordsInChunksAreReadAChunkAtATime) {
  vn::test::TempDir dir;
  SidecarWriter writer(dir.path());
  const FrameCompressor c(3, "");
  const SidecarLocation before = writer.append(c.compress(encode_record(sample_record(1))));
  const SidecarLocation chunked = writer.append(record_in_chunks(c, sample_record(2), three_chunks()));
  const SidecarLocation after = writer.append(c.compress(encode_record(sample_record(3))));
  writer.sync();
  EXPECT_EQ(chunked.offset, before.length);
  EXPECT_EQ(after.offset, before.length + chunked.length);

  const SidecarReader reader(dir.path());
  const RecordHead one = reader.read_head(before);
  EXPECT_TRUE(one.record.chunks.empty());
  EXPECT_EQ(one.header_bytes, before.length);
  EXPECT_EQ(one.record.text, sample_record(1).text);

  const RecordHead head = reader.read_head(chunked);
  ASSERT_EQ(head.record.chunks.size(), 3u);
  EXPECT_EQ(head.record.path, sample_record(2).path);
  EXPECT_TRUE(head.record.text.empty());
  EXPECT_EQ(head.record.chunks[2].positions_before, 2000u);
  EXPECT_EQ(reader.read_chunk(head, 1).restored, "Đảng bộ tỉnh, phần 1.\n");
  EXPECT_THROW(reader.read_chunk(head, 3), std::runtime_error);

  const DocumentRecord whole = reader.read(chunked);
  EXPECT_TRUE(whole.chunks.empty());
  EXPECT_EQ(whole.text, "Dang bo tinh, phan 0.\nDang bo tinh, phan 1.\nDang bo tinh, phan 2.\n");
  EXPECT_EQ(whole.restored, "Đảng bộ tỉnh, phần 0.\nĐảng bộ tỉnh, phần 1.\nĐảng bộ tỉnh, phần 2.\n");
  ASSERT_EQ(whole.low_confidence.size(), 3u);
  EXPECT_EQ(whole.low_confidence[2].offset, 80u);
  EXPECT_EQ(reader.read_checked(chunked).path, sample_record(2).path);
  EXPECT_EQ(reader.read(after).path, sample_record(3).path);

  SidecarLocation short_one = chunked;
  short_one.length -= 1;
  EXPECT_THROW(reader.read_head(short_one), std::runtime_error);
}

TEST(Sidecar, ADamagedChunkSpoilsOnlyItself) {
  vn::test::TempDir dir;
  SidecarWriter writer(dir.path());
  const FrameCompressor c(3, "");
  const SidecarLocation where = writer.append(record_in_chunks(c, sample_record(2), three_chunks()));
  writer.sync();
  const SidecarReader reader(dir.path());
  const RecordHead head = reader.read_head(where);
  EXPECT_NO_THROW(reader.check(where));
  // Overwrite the middle of the last chunk's frame.
  const uint64_t last = where.offset + where.length - head.record.chunks[2].frame_bytes;
  std::string bytes = vn::test::read_file(dir / where.file);
  for (uint64_t i = last + 4; i < where.offset + where.length - 1; ++i) bytes[i] = 'x';
  vn::test::write_file(dir / where.file, bytes);

  EXPECT_EQ(reader.read_head(where).record.chunks.size(), 3u);
  EXPECT_EQ(reader.read_chunk(head, 0).text, "Dang bo tinh, phan 0.\n");
  EXPECT_THROW(reader.read_chunk(head, 2), std::runtime_error);
  EXPECT_THROW(reader.read_checked(where), std::runtime_error);
  EXPECT_THROW(reader.read(where), std::runtime_error);
  EXPECT_THROW(reader.check(where), std::runtime_error);  // a run re-indexes the document
}

TEST(Sidecar, ALargeRecordOfOneFrameStillReads) {
  vn::test::TempDir dir;
  DocumentRecord r = sample_record(5);
  uint32_t x = 12345;
  for (int i = 0; i < 300000; ++i) r.text.push_back(static_cast<char>('a' + (x = x * 1103515245 + 12345) % 26));
  SidecarWriter writer(dir.path());
  const SidecarLocation where = writer.append(FrameCompressor(3, "").compress(encode_record(r)));
  writer.sync();
  ASSERT_GT(where.length, uint64_t{64} << 10);  // more than the first read of a head
  const RecordHead head = SidecarReader(dir.path()).read_head(where);
  EXPECT_EQ(head.header_bytes, where.length);
  EXPECT_EQ(head.record.text, r.text);
}
