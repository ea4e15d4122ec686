// What of a file's bytes could not be read as the text they should be:
// NUL bytes, ill-formed UTF-8, and passages in a legacy 8-bit encoding
// inside a UTF-8 file, by byte range. A file with some damage is still
// read (decode/decode.hpp says how much is too much); the damage is
// reported beside it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vn::decode {

struct DamagedSpan {
  enum class Kind : uint8_t {
    kNul,          // NUL bytes, read as spaces
    kInvalidUtf8,  // ill-formed UTF-8, read as one U+FFFD per run of bytes
    kLegacy,       // a passage in a legacy encoding, converted (its words whole)
  };
  Kind kind = Kind::kNul;
  uint64_t offset = 0;  // in the file's bytes (decompressed; a BOM counts)
  uint64_t length = 0;
  std::string_view encoding;  // kLegacy: decode::encoding_name() of what it was read as
};

class Damage {
 public:
  // Spans kept for describe(); the others are only counted.
  static constexpr size_t kMaxKept = 1000;

  // Adds a span, merged into the last one when of the same kind and
  // adjacent (a run of NUL bytes is one span).
  void add(const DamagedSpan& span);

  bool empty() const { return count_ == 0; }
  size_t span_count() const { return count_; }
  // NUL and ill-formed bytes: what no reading made text of.
  uint64_t unreadable_bytes() const { return unreadable_; }
  // The first kMaxKept spans, in the order added.
  const std::vector<DamagedSpan>& spans() const { return spans_; }
  // The first of the kept spans of `kind` by offset, or null.
  const DamagedSpan* first(DamagedSpan::Kind kind) const;

  // The kept spans in file order, the first `max_listed` of them, as in
  // "NUL at byte 99, invalid UTF-8 at bytes 1234-1240, tcvn3 passage at
  // bytes 2000-2099 (converted), and 12 more" (ranges include both ends).
  std::string describe(size_t max_listed = 8) const;

 private:
  std::vector<DamagedSpan> spans_;
  size_t count_ = 0;
  uint64_t unreadable_ = 0;
};

}  // namespace vn::decode
