#include "restore/token_options.hpp"

#include <algorithm>

#include "restore/ocr_symbols.hpp"
#include "restore/roman_numeral.hpp"
#include "restore/token_case.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "vi/tone.hpp"

namespace vn::restore {
namespace {

// A capital, then plain Latin letters only ("Haiti", "Phnom"): the shape
// of a foreign name. A capitalised token with Vietnamese letters or marks
// ("Nquyén") is a damaged syllable far more often.
bool shaped_like_foreign_name(std::string_view token) {
  return !token.empty() && token[0] >= 'A' && token[0] <= 'Z' &&
         std::all_of(token.begin(), token.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Numbers of one or two digits may be OCR'd syllables.
bool could_be_word(std::string_view number) {
  return number.size() <= 2 && std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

OptionBuilder::OptionBuilder(const Lexicon& lexicon, const KeptWords& kept, const ChannelModel& channel,
                             const CandidateGenerator& generator, const std::vector<std::u32string>& spelling,
                             Scores scores)
    : lexicon_(lexicon), kept_(kept), channel_(channel), generator_(generator), spelling_(spelling), scores_(scores) {
  cache_.max_load_factor(1.0f);
}

const TokenOptions& OptionBuilder::options_for(std::string_view token, vi::TokenKind kind) const {
  static const TokenOptions number{{{kNumber, nullptr, 0.0f}}}, code{{{kCode, nullptr, 0.0f}}};
  if (kind == vi::TokenKind::kNumber && !could_be_word(token)) return number;
  if (kind == vi::TokenKind::kCode) return code;
  // The options depend on the lower-case token, its kind and its
  // case_mark(). Lower case only: where the OCR put a tone mark is
  // evidence for the channel, so the token's own placement is kept (no
  // canonical_tone).
  const std::string lower = text::to_lower(token);
  std::string key = lower;
  key.push_back(kind == vi::TokenKind::kWord ? 'w' : kind == vi::TokenKind::kMixed ? 'm' : 'n');
  key.push_back(case_mark(token, lower));
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  return remember(std::move(key), build_options(token, lower, kind));
}

// What of a token's case its readings depend on (keep_log_prob), for the
// cache keys: shaped like an abbreviation, a non-syllable shaped like a
// foreign name, or neither. Most capitalised tokens are syllables ("Tinh")
// and share their readings with the small-letter token.
char OptionBuilder::case_mark(std::string_view token, const std::string& lower) const {
  return looks_like_abbreviation(token) ? 'A' : foreign_name(token, lower) ? 'F' : '-';
}

bool OptionBuilder::foreign_name(std::string_view token, const std::string& lower) const {
  return shaped_like_foreign_name(token) && lexicon_.id(lower) == kUnk;  // plain letters: lower is canonical
}

const TokenOptions& OptionBuilder::as_written(std::string_view token, vi::TokenKind kind) const {
  std::string key(token);
  key.append("\x01w");  // no other key ends so: options_for() ends its keys in the kind and a case mark
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  return remember(std::move(key), {{{lexicon_.classify(token, kind), nullptr, 0.0f}}, false});
}

const TokenOptions& OptionBuilder::remember(std::string key, TokenOptions opts) const {
  // What an entry costs: its node (with the allocator's overhead), the key
  // when too long for the string's own buffer, and the options, shrunk to fit.
  constexpr size_t kNodeBytes = sizeof(decltype(cache_)::value_type) + 48;
  const size_t bytes = kNodeBytes + (key.size() > 15 ? key.size() + 17 : 0) + opts.options.size() * sizeof(Option) + 16;
  if (cached_bytes_.load(std::memory_order_relaxed) + bytes > kMaxCachedBytes)
    return scratch_.local().emplace_back(std::move(opts));  // freed with the sentence: not worth shrinking
  opts.options.shrink_to_fit();
  const auto [it, inserted] = cache_.emplace(std::move(key), std::move(opts));
  if (inserted) cached_bytes_.fetch_add(bytes, std::memory_order_relaxed);
  return it->second;
}

// Readings of a token the OCR glued from a number and a word ("06thang",
// "nam2025"): the number, then each candidate of the word (or the other
// way round), at a glue cost.
void OptionBuilder::add_unglued(std::string_view original, std::vector<Option>& opts) const {
  constexpr float kGlueLogProb = -1.0f;
  constexpr size_t kWordCandidates = 4;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  size_t front = 0, back = 0;
  while (front < original.size() && digit(original[front])) ++front;
  while (back < original.size() && digit(original[original.size() - 1 - back])) ++back;
  if ((front > 0) == (back > 0) || front > 8 || back > 8) return;
  const std::string_view letters = original.substr(front, original.size() - front - back);
  if (letters.size() < 2 || letters.size() > 24) return;
  for (size_t k = 0; k < letters.size();)
    if (!text::is_letter_or_mark(text::next_code_point(letters, k))) return;  // one digit run, one letter run
  const std::u32string lower = text::to_u32(text::to_lower(letters));
  std::vector<Candidate> cands = generator_.generate(lower);
  if (cands.size() > kWordCandidates) cands.resize(kWordCandidates);
  for (const Candidate& c : cands) {
    Option o{c.id, &spelling_[c.id - kFirstSyllable], c.channel + kGlueLogProb};
    o.number_prefix = static_cast<uint8_t>(front);
    o.number_suffix = static_cast<uint8_t>(back);
    opts.push_back(o);
  }
}

namespace {

// The bytes between two tokens the OCR split one syllable into: a space
// ("Ngh i"), or an apostrophe standing for a horn or a mark ("nu’éc" for
// "nước", "tru'c" for "trực"). Empty when neither.
std::string_view split_mark(std::string_view input, const vi::Token& a, const vi::Token& b) {
  const std::string_view between = input.substr(a.offset + a.length, b.offset - a.offset - a.length);
  if (between == " " || between == "'" || between == "\u2019") return between;
  return {};
}

}  // namespace

const std::vector<Option>* OptionBuilder::options_with_rejoin(std::string_view input,
                                                              const std::vector<vi::Token>& tokens, size_t i,
                                                              const TokenOptions& own, const TokenOptions* next) const {
  constexpr float kSplitLogProb = -1.5f;  // an apostrophe's join scores alike from -0.5 to -2.5
  // Joined readings of a split at a space; one at an apostrophe needs
  // more, as the horn and the tone OCR lost make more of them alike
  // ("ngu'oi": ngươi, nguôi, ..., người).
  constexpr size_t kJoinedCandidates = 3, kApostropheJoinedCandidates = 8;
  if (!next || tokens[i].kind != vi::TokenKind::kWord || tokens[i + 1].kind != vi::TokenKind::kWord)
    return &own.options;
  const vi::Token& a = tokens[i];
  const vi::Token& b = tokens[i + 1];
  const std::string_view mark = split_mark(input, a, b);
  if (mark.empty() || a.length + b.length > 12) return &own.options;
  auto code_points = [](std::string_view t) {
    return std::count_if(t.begin(), t.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
  };
  if (mark == " ") {
    // Two letters take at most 4 bytes in UTF-8: a cheap first filter.
    if (std::min(a.length, b.length) > 4 || (own.syllable && next->syllable)) return &own.options;
    // A split leaves a fragment of one or two letters.
    if (std::min(code_points(a.text(input)), code_points(b.text(input))) > 2) return &own.options;
  } else if (text::count_cases(b.text(input)).upper > 0) {
    return &own.options;  // a name: "O'Donnell", "M'Nông"
  }
  // Cached per pair (with the case-dependent part of the first token's key).
  const std::string la = text::to_lower(a.text(input)), lb = text::to_lower(b.text(input));
  std::string key;
  key.reserve(la.size() + lb.size() + 3);
  key.append(la).append(1, '\x01').append(lb);
  key.push_back(case_mark(a.text(input), la));
  key.push_back(mark == " " ? 'j' : '\'');
  if (auto it = cache_.find(key); it != cache_.end()) return &it->second.options;
  TokenOptions opts = own;
  std::u32string letters = text::to_u32(la + lb);
  std::vector<Candidate> joined = generator_.generate(letters);
  if (mark != " " && !la.empty() && (la.back() == 'u' || la.back() == 'o')) {
    // The apostrophe is the horn OCR set apart: "nu’éc" is "nư" + "éc",
    // "ngu'oi" "ngươi" (a horn on "uo" is on both).
    const size_t at = static_cast<size_t>(code_points(la)) - 1;
    letters[at] = la.back() == 'u' ? U'ư' : U'ơ';
    if (letters[at] == U'ư' && at + 1 < letters.size() && letters[at + 1] == U'o') letters[at + 1] = U'ơ';
    for (const Candidate& c : generator_.generate(letters)) {
      const auto same = std::find_if(joined.begin(), joined.end(), [&](const Candidate& j) { return j.id == c.id; });
      if (same == joined.end()) joined.push_back(c);
      else same->channel = std::max(same->channel, c.channel);
    }
    std::stable_sort(joined.begin(), joined.end(), [](const Candidate& x, const Candidate& y) { return x.channel > y.channel; });
  }
  joined.resize(std::min(joined.size(), mark == " " ? kJoinedCandidates : kApostropheJoinedCandidates));
  for (const Candidate& c : joined) {
    Option o{c.id, &spelling_[c.id - kFirstSyllable], c.channel + kSplitLogProb};
    o.span = 2;
    opts.options.push_back(o);
  }
  std::stable_sort(opts.options.begin(), opts.options.end(),
                   [](const Option& x, const Option& y) { return x.channel > y.channel; });
  return &remember(std::move(key), std::move(opts)).options;
}

// Candidates of the letters a token's OCR symbols stand for ("hi¢u" read
// as "hieu", "hiou", "hicu"), at a fixed cost, where the token's own
// candidates do not score them higher.
void OptionBuilder::add_symbol_readings(std::u32string_view lower, std::vector<Option>& opts) const {
  constexpr float kSymbolLogProb = -1.0f;
  for (const std::u32string& letters : symbol_readings(lower)) {
    for (const Candidate& c : generator_.generate(letters)) {
      const float channel = c.channel + kSymbolLogProb;
      const auto same = std::find_if(opts.begin(), opts.end(), [&](const Option& o) { return o.word == c.id; });
      if (same == opts.end()) opts.push_back({c.id, &spelling_[c.id - kFirstSyllable], channel});
      else same->channel = std::max(same->channel, channel);
    }
  }
}

namespace {

// Drops the readings that are more than `gap` log10 units behind the best
// one both by their channel score and by the candidates' rank (their
// unigram posterior, Candidate::rank; only `candidates`, best first, have
// one): those cannot win. The channel alone would let a rare syllable the
// OCR happens to spell ("pao", 12 times in the corpus, for "ĐẠO" read as
// "PAO") push the common reading out before the language model is asked.
void drop_hopeless(std::vector<Option>& opts, const std::vector<Candidate>& candidates, float gap) {
  if (opts.empty()) return;
  const float channel_floor = opts.front().channel - gap;
  const float rank_floor = candidates.empty() ? 0.0f : candidates.front().rank - gap;
  auto hopeless = [&](const Option& o) {
    if (o.channel >= channel_floor) return false;
    const auto c = std::find_if(candidates.begin(), candidates.end(), [&](const Candidate& x) { return x.id == o.word; });
    return c == candidates.end() || c->rank < rank_floor;
  };
  opts.erase(std::remove_if(opts.begin(), opts.end(), hopeless), opts.end());
}

}  // namespace

// Channel log10 P of keeping a token that is not a syllable. Tokens
// shaped like abbreviations or Roman numerals (all capitals, no vowel
// that could carry a syllable: "TT", "HĐND", "GRDP"; or "VII", "XIX")
// are kept far more readily than other non-syllables, and so are the
// kept words of the corpus ("km", "internet"; restore/kept_words.hpp);
// single letters less so, then tokens shaped like foreign names, and least
// of all other tokens, mostly OCR damage.
float OptionBuilder::keep_log_prob(std::string_view original, const std::string& lower) const {
  if (looks_like_abbreviation(original) || kept_.contains(lower)) return scores_.keep_abbreviation_log_prob;
  if (lower.size() == 1) return scores_.keep_letter_log_prob;
  return foreign_name(original, lower) ? scores_.keep_foreign_name_log_prob : scores_.keep_log_prob;
}

// Candidates, the token itself when it is a lexicon syllable, or else the
// option of keeping it as it is.
TokenOptions OptionBuilder::build_options(std::string_view original, const std::string& lower_utf8,
                                          vi::TokenKind kind) const {
  const std::u32string lower = text::to_u32(lower_utf8);
  TokenOptions result;
  std::vector<Option>& opts = result.options;
  const std::vector<Candidate> candidates = generator_.generate(lower);
  for (const Candidate& c : candidates) opts.push_back({c.id, &spelling_[c.id - kFirstSyllable], c.channel});
  add_symbol_readings(lower, opts);
  std::stable_sort(opts.begin(), opts.end(), [](const Option& a, const Option& b) { return a.channel > b.channel; });
  drop_hopeless(opts, candidates, scores_.option_gap);
  if (kind == vi::TokenKind::kMixed) add_unglued(original, opts);
  if (kind == vi::TokenKind::kNumber) {
    // A short number may be a syllable the OCR read as digits ("6" for
    // "ở", "14" for "là"); mostly it is a number.
    opts.push_back({kNumber, nullptr, scores_.keep_number_log_prob});
    std::stable_sort(opts.begin(), opts.end(), [](const Option& a, const Option& b) { return a.channel > b.channel; });
    return result;
  }
  // The token itself always stays a reading: as its syllable, or kept.
  const WordId self = kind == vi::TokenKind::kWord ? lexicon_.id(vi::canonical_tone(lower_utf8)) : kUnk;
  if (self == kUnk && read_damaged_roman(original, false)) {
    opts.push_back({kForeign, nullptr, scores_.keep_abbreviation_log_prob});  // "X1I": a numeral, as "XII" is
  } else if (self == kUnk) {
    opts.push_back({kind == vi::TokenKind::kWord ? kForeign : kCode, nullptr, keep_log_prob(original, lower_utf8)});
  } else if (std::none_of(opts.begin(), opts.end(), [&](const Option& o) { return o.word == self; })) {
    // The token is this syllable up to tone placement ("thủy", "thuỷ").
    const std::u32string& syl = spelling_[self - kFirstSyllable];
    opts.push_back({self, &syl, channel_.log_prob(syl, syl)});
  }
  result.syllable = self != kUnk;
  std::stable_sort(opts.begin(), opts.end(), [](const Option& a, const Option& b) { return a.channel > b.channel; });
  return result;
}

}  // namespace vn::restore
