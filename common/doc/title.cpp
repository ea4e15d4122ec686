#include "doc/title.hpp"

#include <array>

#include "doc/lines.hpp"
#include "vi/fold.hpp"

namespace vn::doc {
namespace {

constexpr std::array<std::string_view, 16> kTypeLines = {
    "bao cao",  "ket luan", "nghi quyet", "quyet dinh", "cong van", "ke hoach",  "to trinh",  "thong bao",
    "chi thi",  "quy dinh", "huong dan",  "chuong trinh", "quy che", "thong tri", "de an", "bien ban",
};

bool is_type_line(const std::string& line) {
  const std::string key = vi::folded_lower(line);
  for (auto t : kTypeLines)
    if (key == t) return true;
  return false;
}

bool is_subject_line(const std::string& line) {
  return line.size() > 4 && (line[0] == 'V' || line[0] == 'v') && line[1] == '/' && (line[2] == 'v' || line[2] == 'V') &&
         line[3] == ' ';
}

std::string clip(std::string s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  s.resize(cut);
  return s;
}

}  // namespace

std::string title_of(std::string_view text, size_t max_bytes) {
  std::string first;
  bool after_type = false;
  std::string type;
  size_t scanned = 0;
  for (size_t start = 0; start < text.size() && scanned < 80;) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string line = Line(text.substr(start, end - start)).flat();  // a huge line by its beginning
    start = end + 1;
    if (line.empty()) continue;
    ++scanned;
    if (after_type) return clip(type + " " + line, max_bytes);
    if (is_subject_line(line)) return clip(line, max_bytes);  // công văn: "V/v <subject>"
    if (first.empty()) first = line;
    if (line.size() <= 40 && is_type_line(line)) {
      type = line;
      after_type = true;
    }
  }
  return clip(after_type ? type : first, max_bytes);
}

}  // namespace vn::doc
