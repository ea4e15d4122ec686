#include "restore/train/alignment.hpp"

#include <algorithm>

#include "text/utf8.hpp"
#include "vi/fold.hpp"
#include "vi/tokenizer.hpp"

namespace vn::restore {
namespace {

struct Tok {
  std::string text;
  std::u32string key;  // folded lower-case code points, for comparing
};

std::vector<Tok> tokens_of(std::string_view text) {
  std::vector<vi::Token> raw;
  vi::tokenize(text, raw);
  std::vector<Tok> out;
  out.reserve(raw.size());
  for (const auto& t : raw) {
    const std::string s(t.text(text));
    out.push_back({s, text::to_u32(vi::folded_lower(s))});
  }
  return out;
}

// Normalised Levenshtein distance in [0, 1] (tokens cut at 32 code points).
double distance(std::u32string_view a, std::u32string_view b) {
  a = a.substr(0, 32);
  b = b.substr(0, 32);
  if (a.empty() && b.empty()) return 0;
  size_t prev[33], cur[33];
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::copy(cur, cur + b.size() + 1, prev);
  }
  return static_cast<double>(prev[b.size()]) / static_cast<double>(std::max(a.size(), b.size()));
}

constexpr double kGapCost = 0.75;  // a token matched to nothing

}  // namespace

std::vector<AlignedToken> align_tokens(std::string_view clean, std::string_view ocr) {
  const std::vector<Tok> c = tokens_of(clean), o = tokens_of(ocr);
  const size_t n = c.size(), m = o.size();
  // cost[i][j]: best alignment of c[0..i) with o[0..j). Moves: 0 diag, 1 up
  // (clean token dropped), 2 left (OCR noise).
  // Only a band around the diagonal is searched: OCR keeps token order.
  constexpr double kInf = 1e18;
  const size_t band = 40 + (n > m ? n - m : m - n);
  std::vector<double> cost((n + 1) * (m + 1), kInf);
  std::vector<uint8_t> move((n + 1) * (m + 1), 0);
  auto at = [m](size_t i, size_t j) { return i * (m + 1) + j; };
  cost[0] = 0;
  for (size_t i = 0; i <= n; ++i) {
    const size_t centre = n ? i * m / n : 0;
    const size_t lo = centre > band ? centre - band : 0, hi = std::min(m, centre + band);
    for (size_t j = lo; j <= hi; ++j) {
      if (i == 0 && j == 0) continue;
      double best = kInf;
      uint8_t mv = 0;
      if (i > 0 && j > 0 && cost[at(i - 1, j - 1)] < kInf)
        best = cost[at(i - 1, j - 1)] + distance(c[i - 1].key, o[j - 1].key);
      if (i > 0 && cost[at(i - 1, j)] + kGapCost < best) best = cost[at(i - 1, j)] + kGapCost, mv = 1;
      if (j > 0 && cost[at(i, j - 1)] + kGapCost < best) best = cost[at(i, j - 1)] + kGapCost, mv = 2;
      cost[at(i, j)] = best;
      move[at(i, j)] = mv;
    }
  }
  std::vector<AlignedToken> out;
  for (size_t i = n, j = m; i > 0 || j > 0;) {
    const uint8_t mv = (i == 0) ? 2 : (j == 0) ? 1 : move[at(i, j)];
    if (mv == 0) out.push_back({c[--i].text, o[--j].text});
    else if (mv == 1) out.push_back({c[--i].text, ""});
    else out.push_back({"", o[--j].text});
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace vn::restore
