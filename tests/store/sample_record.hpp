// A document record with every field set, for the store tests.
#pragma once
#include <string>

#include "store/content_hash.hpp"
#include "store/record.hpp"

namespace vn::test {

inline store::DocumentRecord sample_record(int i) {
  store::DocumentRecord r;
  r.path = "/archive/doc-" + std::to_string(i) + ".txt";
  r.bytes = 1234 + static_cast<uint64_t>(i);
  r.mtime = 1700000000 + i;
  r.content_hash = store::content_hash(r.path);
  r.encoding = "utf-8";
  r.title = "BÁO CÁO Kiểm điểm công tác lãnh đạo";
  r.text = "ĐẢNG BỘ TỈNH LẠNG SƠN\nSố " + std::to_string(i) + "-BC/ĐU\nBÁO CÁO\nKiểm điểm công tác lãnh đạo, "
           "chỉ đạo của Ban Chấp hành Đảng bộ tỉnh nhiệm kỳ 2020 - 2025. \"Trích dẫn\" \\ \t\n";
  return r;
}

}  // namespace vn::test
