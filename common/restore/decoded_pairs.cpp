#include "restore/decoded_pairs.hpp"

#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace vn::restore {

void collect_pairs(std::string_view text, const std::vector<TokenReading>& readings, float min_confidence,
                   std::vector<DecodedPair>& out) {
  for (const TokenReading& r : readings) {
    if (r.syllable == nullptr || r.span != 1 || r.unglued || r.confidence < min_confidence) continue;
    std::u32string ocr = text::to_u32(text::to_lower(text.substr(r.offset, r.length)));
    if (ocr.size() > kMaxPairToken) continue;
    out.push_back({*r.syllable, std::move(ocr)});
  }
}

}  // namespace vn::restore
