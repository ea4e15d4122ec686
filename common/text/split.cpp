#include "text/split.hpp"

namespace vn::text {

std::vector<std::string_view> split(std::string_view s, char at) {
  std::vector<std::string_view> out;
  for (size_t start = 0;;) {
    const size_t end = s.find(at, start);
    out.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

}  // namespace vn::text
