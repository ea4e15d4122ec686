#include "doc/words.hpp"

#include "vi/fold.hpp"

namespace vn::doc {

std::string folded_prefix(std::string_view s, size_t max_bytes) {
  if (s.size() > max_bytes) {
    while (max_bytes > 0 && (static_cast<unsigned char>(s[max_bytes]) & 0xC0) == 0x80) --max_bytes;
    s = s.substr(0, max_bytes);
  }
  return vi::folded_lower(s);
}

std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> w;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == ',' || c == '.' || c == ';') {
      if (!cur.empty()) w.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) w.push_back(cur);
  return w;
}

}  // namespace vn::doc
