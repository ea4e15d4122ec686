#include "doc/person_names.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "text/edits.hpp"
#include "text/normalize.hpp"
#include "text/split.hpp"
#include "text/utf8.hpp"
#include "vi/fold.hpp"
#include "vi/syllable.hpp"

namespace vn::doc {
namespace {

using text::split;
using vi::folded_lower;

enum Role { kSurname = 0, kMiddle = 1, kGiven = 2 };

// A capital, then small letters: the shape of each word of a name.
bool capitalised(std::string_view w) {
  size_t i = 0;
  if (w.empty() || !text::is_upper(text::next_code_point(w, i))) return false;
  while (i < w.size()) {
    const char32_t c = text::next_code_point(w, i);
    if (!text::is_letter_or_mark(c) || text::is_upper(c)) return false;
  }
  return true;
}

}  // namespace

PersonNames PersonNames::parse(std::string_view tsv, std::string_view source) {
  PersonNames names;
  size_t line_no = 0;
  for (std::string_view line : split(tsv, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const auto f = split(line, '\t');
    auto fail = [&](const std::string& why) {
      throw std::runtime_error(std::string(source) + ":" + std::to_string(line_no) + ": " + why);
    };
    if (f.size() != 3) fail("expected role<TAB>syllable<TAB>count");
    const Role role = f[0] == "surname" ? kSurname : f[0] == "middle" ? kMiddle : f[0] == "given" ? kGiven : Role(-1);
    if (role < 0) fail("unknown role \"" + std::string(f[0]) + "\"");
    if (f[1].empty() || text::find_invalid_utf8(f[1]) != text::kValid) fail("bad syllable");
    uint32_t count = 0;
    for (char c : f[2]) {
      if (c < '0' || c > '9' || count > 400'000'000) fail("bad count \"" + std::string(f[2]) + "\"");
      count = count * 10 + static_cast<uint32_t>(c - '0');
    }
    if (f[2].empty()) fail("bad count");
    names.roles_[role][folded_lower(f[1])].push_back({std::string(f[1]), count});
    ++names.size_;
  }
  for (auto& role : names.roles_)
    for (auto& [fold, syllables] : role)
      std::stable_sort(syllables.begin(), syllables.end(),
                       [](const Syllable& a, const Syllable& b) { return a.count > b.count; });
  for (size_t role = 0; role < names.roles_.size(); ++role) {
    double total = 0;
    for (const auto& [folded, syllables] : names.roles_[role])
      for (const Syllable& x : syllables) total += x.count;
    for (const auto& [folded, syllables] : names.roles_[role])
      for (const Syllable& x : syllables)
        names.scored_[role].push_back({x.text, text::to_u32(text::to_lower(x.text)), folded,
                                       static_cast<float>(std::log10(x.count / total))});
    // Hash-map order is not the same everywhere: sort, so ties resolve alike.
    std::sort(names.scored_[role].begin(), names.scored_[role].end(),
              [](const Scored& a, const Scored& b) { return a.text < b.text; });
  }
  return names;
}

PersonNames PersonNames::load(const std::filesystem::path& tsv) {
  std::ifstream in(tsv, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read names " + tsv.string());
  std::stringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), tsv.string());
}

const std::string* PersonNames::read_by_channel(size_t role, std::string_view ocr, std::string_view restored,
                                                const OcrLikelihood& likelihood) const {
  const std::string folded = folded_lower(ocr);
  const bool known = roles_[role].contains(folded);
  // A syllable as the OCR spells it, but no name we know: a rare name, kept.
  if (!known && folded == folded_lower(restored) && vi::parse_syllable(text::to_lower(restored))) return nullptr;
  const int limit = folded.size() <= 3 ? 1 : 2;
  const std::u32string lower = text::to_u32(text::to_lower(ocr));
  const std::string* best = nullptr;
  float best_score = 0;
  for (const Scored& s : scored_[role]) {
    if (s.text != restored && text::edit_distance_within(folded, s.folded, limit) > limit) continue;
    const float score = likelihood(lower, s.lower) + s.log_share;
    if (!best || score > best_score) best = &s.text, best_score = score;
  }
  return best;
}

std::string PersonNames::read(std::string_view name, std::string_view ocr, const OcrLikelihood* likelihood) const {
  const std::vector<std::string_view> words = split(name, ' ');
  if (words.size() < 2 || words.size() > 4 || !std::all_of(words.begin(), words.end(), capitalised))
    return std::string(name);
  std::vector<std::string_view> read_as = split(ocr, ' ');
  const bool has_ocr = read_as.size() == words.size() && std::all_of(read_as.begin(), read_as.end(), capitalised);
  if (!has_ocr) read_as = words;
  std::string out;
  for (size_t k = 0; k < words.size(); ++k) {
    const Role role = k == 0 ? kSurname : k + 1 == words.size() ? kGiven : kMiddle;
    if (has_ocr && likelihood) {
      if (const std::string* read = read_by_channel(role, read_as[k], words[k], *likelihood)) {
        out.append(k ? " " : "").append(*read);
        continue;
      }
    }
    std::string_view chosen = words[k];
    auto it = roles_[role].find(folded_lower(read_as[k]));
    if (it == roles_[role].end()) it = roles_[role].find(folded_lower(words[k]));
    if (it != roles_[role].end()) {
      const std::vector<Syllable>& s = it->second;
      const auto own = std::find_if(s.begin(), s.end(), [&](const Syllable& x) { return x.text == words[k]; });
      if (own == s.end() || 2 * own->count < s.front().count) chosen = s.front().text;
    }
    out.append(k ? " " : "").append(chosen);
  }
  return out;
}

}  // namespace vn::doc
