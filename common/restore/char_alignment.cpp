#include "restore/char_alignment.hpp"

#include <vector>

#include "vi/letters.hpp"

namespace vn::restore {

std::vector<std::pair<char32_t, std::u32string>> char_emissions(std::u32string_view clean, std::u32string_view ocr) {
  const size_t n = clean.size(), m = ocr.size();
  auto sub = [](char32_t a, char32_t b) {
    if (a == b) return 0.0;
    return vi::strip_diacritics(a) == vi::strip_diacritics(b) ? 0.4 : 1.0;
  };
  std::vector<double> cost((n + 1) * (m + 1));
  std::vector<uint8_t> move((n + 1) * (m + 1));
  auto at = [m](size_t i, size_t j) { return i * (m + 1) + j; };
  for (size_t i = 0; i <= n; ++i) {
    for (size_t j = 0; j <= m; ++j) {
      if (i == 0 && j == 0) continue;
      // On ties an extra OCR character beats a substitution, so that a
      // split ("ứ" -> "ir") is read as one character becoming two.
      double best = 1e18;
      uint8_t mv = 0;
      if (j > 0) best = cost[at(i, j - 1)] + 1, mv = 2;
      if (i > 0 && cost[at(i - 1, j)] + 1 < best) best = cost[at(i - 1, j)] + 1, mv = 1;
      if (i > 0 && j > 0 && cost[at(i - 1, j - 1)] + sub(clean[i - 1], ocr[j - 1]) < best)
        best = cost[at(i - 1, j - 1)] + sub(clean[i - 1], ocr[j - 1]), mv = 0;
      cost[at(i, j)] = best;
      move[at(i, j)] = mv;
    }
  }
  // Walk back, collecting what each clean character emitted.
  std::vector<std::u32string> emitted(n);
  std::u32string leading;  // OCR characters before the first clean one
  for (size_t i = n, j = m; i > 0 || j > 0;) {
    const uint8_t mv = (i == 0) ? 2 : (j == 0) ? 1 : move[at(i, j)];
    if (mv == 0) {
      --i, --j;
      emitted[i].insert(0, 1, ocr[j]);
    } else if (mv == 1) {
      --i;
    } else {
      --j;
      (i > 0 ? emitted[i - 1] : leading).insert(0, 1, ocr[j]);
    }
  }
  std::vector<std::pair<char32_t, std::u32string>> out;
  for (size_t i = 0; i < n; ++i) out.emplace_back(clean[i], i == 0 ? leading + emitted[0] : emitted[i]);
  return out;
}

}  // namespace vn::restore
