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
#include "vi/tone.hpp"

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

// How far a given name leans female is smoothed toward no lean (0.5) as
// if it had been seen this many more times in each of the two kinds of
// names: a few names are needed before a lean counts.
constexpr double kLeanPrior = 3;

// log10 of the share of its role's names given to a name the table lacks,
// when the OCR spells a syllable that is none we know: below the rarest
// the table holds (2 of about 12,000 names, -3.8). Tuned on the training
// documents of scripts/make-doc-corpus: -4 to -7 read one signer more
// ("Phan Minh Va": Vũ, not "Và"), -3 none.
constexpr float kRareNameLogShare = -5;

// Of two femaleness values, the one farther from 0.5 (no telling).
float surer(float a, float b) { return std::abs(b - 0.5f) > std::abs(a - 0.5f) ? b : a; }

// Parses a count field; throws through `fail`.
template <typename Fail>
uint32_t parse_count(std::string_view field, const Fail& fail) {
  uint32_t count = 0;
  for (char c : field) {
    if (c < '0' || c > '9' || count > 400'000'000) fail("bad count \"" + std::string(field) + "\"");
    count = count * 10 + static_cast<uint32_t>(c - '0');
  }
  if (field.empty()) fail("bad count");
  return count;
}

}  // namespace

PersonNames PersonNames::parse(std::string_view tsv, std::string_view source) {
  PersonNames names;
  GenderCounts gender;
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
    std::unordered_map<std::string, uint32_t>* by_gender = f[0] == "given.f"    ? &gender.given_female
                                                          : f[0] == "given.m"  ? &gender.given_male
                                                          : f[0] == "middle.f" ? &gender.middle_female
                                                                               : nullptr;
    if (role < 0 && !by_gender) fail("unknown role \"" + std::string(f[0]) + "\"");
    if (f[1].empty() || text::find_invalid_utf8(f[1]) != text::kValid) fail("bad syllable");
    const uint32_t count = parse_count(f[2], fail);
    // One spelling per syllable, as restoration writes them: "Hoà" counts as "Hòa".
    const std::string syllable = text::to_utf8(vi::traditional_tone(text::to_u32(f[1])));
    if (by_gender) {
      (*by_gender)[syllable] += count;
      continue;
    }
    std::vector<Syllable>& same_fold = names.roles_[role][folded_lower(syllable)];
    const auto seen = std::find_if(same_fold.begin(), same_fold.end(), [&](const Syllable& x) { return x.text == syllable; });
    if (seen != same_fold.end()) {
      seen->count += count;
      continue;
    }
    same_fold.push_back({syllable, count});
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
  names.weigh_by_gender(gender);
  return names;
}

void PersonNames::weigh_by_gender(const GenderCounts& counts) {
  std::unordered_map<std::string, uint32_t> middles;  // names with each middle name
  for (const auto& [folded, syllables] : roles_[kMiddle])
    for (const Syllable& x : syllables) middles[x.text] = x.count;
  // The share of a middle name's names whose given name leans female (Laplace-smoothed).
  auto leaning_female = [&](const std::string& middle) {
    const auto f = counts.middle_female.find(middle);
    return ((f == counts.middle_female.end() ? 0.0 : f->second) + 1.0) / (middles[middle] + 2.0);
  };
  const double woman = leaning_female("Thị"), man = leaning_female("Văn");
  double women = 0, men = 0;
  for (const auto& [syllable, n] : counts.given_female) women += n;
  for (const auto& [syllable, n] : counts.given_male) men += n;
  if (woman <= man || women == 0 || men == 0) return;  // no gender counts: shares of all names
  for (const auto& [middle, n] : middles)
    femaleness_[middle] = static_cast<float>(std::clamp((leaning_female(middle) - man) / (woman - man), 0.0, 1.0));
  auto count = [](const std::unordered_map<std::string, uint32_t>& m, const std::string& s) {
    const auto it = m.find(s);
    return it == m.end() ? 0.0 : static_cast<double>(it->second);
  };
  // Its share of all given names times P(woman | given name) / P(woman),
  // and likewise for men (Bayes' rule): the shares of all names stay the
  // frame, which the gender counts, far fewer, only tilt.
  std::vector<double> lean(scored_[kGiven].size());
  double share_of_women = 0;
  for (size_t i = 0; i < lean.size(); ++i) {
    const Scored& s = scored_[kGiven][i];
    const double f = count(counts.given_female, s.text) * (men / women);  // as if there were as many women
    lean[i] = (f + kLeanPrior) / (f + count(counts.given_male, s.text) + 2 * kLeanPrior);
    share_of_women += std::pow(10.0, s.log_share) * lean[i];
  }
  for (size_t i = 0; i < lean.size(); ++i) {
    Scored& s = scored_[kGiven][i];
    const double all = std::pow(10.0, s.log_share);
    s.share_female = static_cast<float>(all * lean[i] / share_of_women);
    s.share_male = static_cast<float>(all * (1 - lean[i]) / (1 - share_of_women));
  }
  by_gender_ = true;
}

float PersonNames::femaleness(std::string_view middle) const {
  const auto it = femaleness_.find(std::string(middle));
  return it == femaleness_.end() ? 0.5f : it->second;
}

PersonNames PersonNames::load(const std::filesystem::path& tsv) {
  std::ifstream in(tsv, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read names " + tsv.string());
  std::stringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), tsv.string());
}

const std::string* PersonNames::read_by_channel(size_t role, std::string_view ocr, std::string_view restored,
                                                const OcrLikelihood& likelihood, float female) const {
  const bool by_gender = role == kGiven && by_gender_;
  const std::string folded = folded_lower(ocr);
  const bool known = roles_[role].contains(folded);
  const std::u32string lower = text::to_u32(text::to_lower(ocr));
  // A syllable as the OCR spells it, but no name we know ("Và" from OCR
  // "Va"): a rare name, kept unless a name we know explains the OCR better
  // even against a rare name's share (kRareNameLogShare: "Vũ").
  const bool rare = !known && folded == folded_lower(restored) && vi::parse_syllable(text::to_lower(restored));
  const int limit = folded.size() <= 3 ? 1 : 2;
  const std::string* best = nullptr;  // nullptr while the word as it is scores best (when rare)
  bool scored = rare;                 // best_score holds a score to beat
  float best_score = rare ? likelihood(lower, text::to_u32(text::to_lower(restored))) + kRareNameLogShare : 0;
  for (const Scored& s : scored_[role]) {
    const float share =
        by_gender ? std::log10(female * s.share_female + (1 - female) * s.share_male) : s.log_share;
    // A likelihood is at most 1 (log 0): a share no better than the best
    // score cannot beat it, and the channel, most of the time here, is not asked.
    if (scored && share <= best_score) continue;
    if (s.text != restored && text::edit_distance_within(folded, s.folded, limit) > limit) continue;
    const float score = likelihood(lower, s.lower) + share;
    if (!scored || score > best_score) best = &s.text, best_score = score, scored = true;
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
  float female = 0.5f;  // as the middle names read so far tell: the surest of them
  for (size_t k = 0; k < words.size(); ++k) {
    const Role role = k == 0 ? kSurname : k + 1 == words.size() ? kGiven : kMiddle;
    const size_t start = out.size() + (k ? 1 : 0);
    if (has_ocr && likelihood) {
      if (const std::string* read = read_by_channel(role, read_as[k], words[k], *likelihood, female)) {
        out.append(k ? " " : "").append(*read);
        if (role == kMiddle) female = surer(female, femaleness(*read));
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
    if (role == kMiddle) female = surer(female, femaleness(std::string_view(out).substr(start)));
  }
  return out;
}

}  // namespace vn::doc
