#include "restore/code_repair.hpp"

#include <algorithm>
#include <stdexcept>

#include "restore/count_table.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace vn::restore {
namespace {

// What an OCR'd character may have been (see the table in the header).
std::u32string_view sources_of(char32_t c) {
  switch (c) {
    case U'B': case U'D': case U'P': case U'0': return U"Đ";
    case U'O': return U"ĐÔƠ";
    case U'b': case U'd': case U'p': return U"đ";
    case U'o': return U"đôơ";
    case U'U': return U"Ư";
    case U'u': return U"ư";
    case U'A': return U"ÂĂ";
    case U'a': return U"âă";
    case U'E': return U"Ê";
    case U'e': return U"ê";
    default: return U"";
  }
}

}  // namespace

CodeRepair::CodeRepair(std::vector<Entry> entries) : entries_(std::move(entries)) {
  std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
    return a.count != b.count ? a.count > b.count : a.part < b.part;
  });
  counts_.reserve(entries_.size() * 2);
  for (const Entry& e : entries_) counts_.emplace(e.part, e.count);
}

CodeRepair CodeRepair::load(const std::filesystem::path& path) {
  std::vector<Entry> entries;
  for (KeyCount& row : read_count_table(path, "code parts", "part")) {
    const std::string_view part = row.key;
    if (text::find_invalid_utf8(part) != text::kValid || part.find_first_of("-/\t") != std::string_view::npos ||
        !text::has_letter(part))
      throw std::runtime_error(path.string() + ":" + std::to_string(row.line) +
                               ": a code part must be valid UTF-8 with a letter and no '-' or '/'");
    entries.push_back({std::move(row.key), row.count});
  }
  return CodeRepair(std::move(entries));
}

uint64_t CodeRepair::count(std::string_view part) const {
  auto it = counts_.find(std::string(part));
  return it == counts_.end() ? 0 : it->second;
}

std::string CodeRepair::repair_part(std::string_view part, uint64_t unknown_count) const {
  const std::u32string cps = text::to_u32(part);
  std::vector<size_t> where;  // positions that may be OCR damage
  for (size_t i = 0; i < cps.size(); ++i)
    if (!sources_of(cps[i]).empty()) where.push_back(i);
  // One-letter parts ("b/c", "T/M", "K/T") are abbreviations, not damage.
  if (where.empty() || cps.size() < 2 || cps.size() > kMaxPartLength || !text::has_letter(part)) return std::string(part);

  // score = count / kSubstitutionRatio^substitutions (the log form in the
  // header, kept exact: 200 / 20 == 10).
  const double penalty[] = {1.0, kSubstitutionRatio, kSubstitutionRatio * kSubstitutionRatio};
  const uint64_t own = std::max(count(part), unknown_count);
  // Best so far: the part itself (0 when unknown; every candidate has count > 0).
  double best_score = static_cast<double>(own);
  size_t best_subs = 0;
  uint64_t best_count = own;
  std::string best(part);
  bool replaced = false;

  std::u32string candidate = cps;
  const auto consider = [&](size_t subs) {
    const std::string spelling = text::to_utf8(candidate);
    const uint64_t c = count(spelling);
    if (c == 0) return;
    const double score = static_cast<double>(c) / penalty[subs];
    if (!replaced) {
      if (score <= best_score) return;  // must beat the part itself strictly
    } else if (score < best_score ||
               (score == best_score &&
                (subs > best_subs || (subs == best_subs && (c < best_count || (c == best_count && spelling >= best)))))) {
      return;
    }
    best_score = score;
    best_subs = subs;
    best_count = c;
    best = spelling;
    replaced = true;
  };
  static_assert(kMaxSubstitutions == 2, "the enumeration below does one and two substitutions");
  for (size_t a = 0; a < where.size(); ++a) {
    for (char32_t ca : sources_of(cps[where[a]])) {
      candidate[where[a]] = ca;
      consider(1);
      for (size_t b = a + 1; b < where.size(); ++b) {
        for (char32_t cb : sources_of(cps[where[b]])) {
          candidate[where[b]] = cb;
          consider(2);
        }
        candidate[where[b]] = cps[where[b]];
      }
    }
    candidate[where[a]] = cps[where[a]];
  }
  return best;
}

std::string CodeRepair::repair(std::string_view code) const {
  const std::string slashed = with_slashes(code);
  code = slashed;
  std::string out;
  out.reserve(code.size() + 8);
  for_each_code_part(code, [&](std::string_view part, size_t end) {
    out += text::has_letter(part) ? repair_part(part) : std::string(part);
    if (end < code.size()) out += code[end];
  });
  return out;
}

std::string with_slashes(std::string_view code) {
  std::string out;
  out.reserve(code.size());
  for (size_t i = 0; i < code.size(); ++i) {
    if (code[i] == '\'' || code[i] == '`') {
      out += '/';
    } else if (code.substr(i, 3) == "\u2018" || code.substr(i, 3) == "\u2019") {
      out += '/';
      i += 2;
    } else {
      out += code[i];
    }
  }
  return out;
}

}  // namespace vn::restore
