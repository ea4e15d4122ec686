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

std::vector<std::string_view> word_views(std::string_view s) {
  std::vector<std::string_view> w;
  size_t begin = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != ' ' && s[i] != ',' && s[i] != '.' && s[i] != ';') continue;
    if (i > begin) w.push_back(s.substr(begin, i - begin));
    begin = i + 1;
  }
  return w;
}

std::vector<std::string> words_of(std::string_view s) {
  const std::vector<std::string_view> views = word_views(s);
  return {views.begin(), views.end()};
}

}  // namespace vn::doc
