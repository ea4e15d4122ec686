#include "restore/restorer.hpp"

#include <tbb/blocked_range.h>
#include <tbb/concurrent_unordered_map.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <deque>
#include <optional>
#include <unordered_map>

#include "restore/candidates.hpp"
#include "restore/channel_model.hpp"
#include "restore/code_repair.hpp"
#include "restore/lexicon.hpp"
#include "restore/sentences.hpp"
#include "restore/token_case.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "vi/letters.hpp"
#include "vi/tone.hpp"

#ifndef VNARCHIVE_MODELS_DIR
#define VNARCHIVE_MODELS_DIR "models"
#endif

namespace vn::restore {

std::filesystem::path default_model_dir() {
  if (const char* env = std::getenv("VNARCHIVE_MODELS"); env && *env) return env;
  return VNARCHIVE_MODELS_DIR;
}

namespace {

// Numbers of one or two digits may be OCR'd syllables.
bool could_be_word(std::string_view number) {
  return number.size() <= 2 && std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

struct Restorer::Impl {
  RestorerOptions options;
  Lexicon lexicon;
  ChannelModel channel;
  CodeRepair codes;
  std::unique_ptr<LanguageModel> lm;
  std::unique_ptr<CandidateGenerator> generator;
  std::vector<std::u32string> spelling;  // by WordId - kFirstSyllable

  // The options of every word token seen, shared by all threads: OCR'd
  // archives repeat their tokens, so most lookups hit. Entries are never
  // erased, so references into the cache stay valid; once it holds
  // kMaxCached tokens, new ones are computed into per-thread scratch space
  // that lives until the thread's next sentence.
  struct TokenOptions {
    std::vector<Option> options;
    bool syllable = false;  // the token is a lexicon syllable (up to case and tone placement)
  };
  using Cache = tbb::concurrent_unordered_map<std::string, TokenOptions>;
  mutable Cache cache;
  mutable tbb::enumerable_thread_specific<std::deque<TokenOptions>> scratch;
  static constexpr size_t kMaxCached = 1 << 20;

  const TokenOptions& options_for(std::string_view token, vi::TokenKind kind) const {
    static const TokenOptions number{{{kNumber, nullptr, 0.0f}}}, code{{{kCode, nullptr, 0.0f}}};
    if (kind == vi::TokenKind::kNumber && !could_be_word(token)) return number;
    if (kind == vi::TokenKind::kCode) return code;
    // The options depend on the lower-case token, its kind and whether it
    // is shaped like an abbreviation. Lower case only: where the OCR put a
    // tone mark is evidence for the channel, so the token's own placement
    // is kept (no canonical_tone).
    const std::string lower = text::to_lower(token);
    std::string key = lower;
    key.push_back(kind == vi::TokenKind::kWord ? 'w' : kind == vi::TokenKind::kMixed ? 'm' : 'n');
    key.push_back(looks_like_abbreviation(token) ? 'A' : '-');
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    TokenOptions opts = build_options(token, lower, kind);
    if (cache.size() >= kMaxCached) return scratch.local().emplace_back(std::move(opts));
    return cache.emplace(std::move(key), std::move(opts)).first->second;
  }

  // Readings of a token the OCR glued from a number and a word ("06thang",
  // "nam2025"): the number, then each candidate of the word (or the other
  // way round), at a glue cost.
  void add_unglued(std::string_view original, std::vector<Option>& opts) const {
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
    std::vector<Candidate> cands = generator->generate(lower);
    if (cands.size() > kWordCandidates) cands.resize(kWordCandidates);
    for (const Candidate& c : cands) {
      Option o{c.id, &spelling[c.id - kFirstSyllable], c.channel + kGlueLogProb};
      o.number_prefix = static_cast<uint8_t>(front);
      o.number_suffix = static_cast<uint8_t>(back);
      opts.push_back(o);
    }
  }

  // The options of token i, plus readings of it and the next token as one
  // syllable the OCR split ("Ngh i", "thu c"): when the two are separated
  // by one space, one of them has at most two letters and one of them is
  // no lexicon syllable.
  // `own` and `next`: the options of tokens i and i + 1 (next: nullptr at
  // the end of the sentence).
  const std::vector<Option>* options_with_rejoin(std::string_view input, const std::vector<vi::Token>& tokens, size_t i,
                                                 const TokenOptions& own, const TokenOptions* next) const {
    constexpr float kSplitLogProb = -1.5f;
    constexpr size_t kJoinedCandidates = 3;
    if (!next || tokens[i].kind != vi::TokenKind::kWord || tokens[i + 1].kind != vi::TokenKind::kWord)
      return &own.options;
    const vi::Token& a = tokens[i];
    const vi::Token& b = tokens[i + 1];
    // Two letters take at most 4 bytes in UTF-8: a cheap first filter.
    if (b.offset != a.offset + a.length + 1 || input[a.offset + a.length] != ' ' || a.length + b.length > 12 ||
        std::min(a.length, b.length) > 4)
      return &own.options;
    if (own.syllable && next->syllable) return &own.options;
    auto code_points = [](std::string_view t) {
      return std::count_if(t.begin(), t.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    };
    // A split leaves a fragment of one or two letters.
    if (std::min(code_points(a.text(input)), code_points(b.text(input))) > 2) return &own.options;
    // Cached per pair (with the case-dependent part of the first token's key).
    const std::string la = text::to_lower(a.text(input)), lb = text::to_lower(b.text(input));
    std::string key;
    key.reserve(la.size() + lb.size() + 3);
    key.append(la).append(1, '\x01').append(lb);
    key.push_back(looks_like_abbreviation(a.text(input)) ? 'A' : '-');
    key.push_back('j');
    if (auto it = cache.find(key); it != cache.end()) return &it->second.options;
    TokenOptions opts = own;
    std::vector<Candidate> joined = generator->generate(text::to_u32(la + lb));
    if (joined.size() > kJoinedCandidates) joined.resize(kJoinedCandidates);
    for (const Candidate& c : joined) {
      Option o{c.id, &spelling[c.id - kFirstSyllable], c.channel + kSplitLogProb};
      o.span = 2;
      opts.options.push_back(o);
    }
    std::stable_sort(opts.options.begin(), opts.options.end(),
                     [](const Option& x, const Option& y) { return x.channel > y.channel; });
    if (cache.size() >= kMaxCached) return &scratch.local().emplace_back(std::move(opts)).options;
    return &cache.emplace(std::move(key), std::move(opts)).first->second.options;
  }

  // Call before each sentence on the thread that decodes it.
  void start_sentence() const { scratch.local().clear(); }

  // Candidates, the token itself when it is a lexicon syllable, or else the
  // option of keeping it as it is.
  // Channel log10 P of keeping a token that is not a syllable. Tokens
  // shaped like abbreviations or Roman numerals (all capitals, no vowel
  // that could carry a syllable: "TT", "HĐND", "GRDP"; or "VII", "XIX")
  // are kept far more readily than other non-syllables.
  float keep_log_prob(std::string_view original) const {
    return looks_like_abbreviation(original) ? options.keep_abbreviation_log_prob : options.keep_log_prob;
  }

  TokenOptions build_options(std::string_view original, const std::string& lower_utf8, vi::TokenKind kind) const {
    const std::u32string lower = text::to_u32(lower_utf8);
    TokenOptions result;
    std::vector<Option>& opts = result.options;
    for (const Candidate& c : generator->generate(lower)) opts.push_back({c.id, &spelling[c.id - kFirstSyllable], c.channel});
    // Readings the channel alone puts far behind the best one cannot win.
    std::stable_sort(opts.begin(), opts.end(), [](const Option& a, const Option& b) { return a.channel > b.channel; });
    if (!opts.empty()) {
      const float floor = opts.front().channel - options.option_gap;
      while (!opts.empty() && opts.back().channel < floor) opts.pop_back();
    }
    if (kind == vi::TokenKind::kMixed) add_unglued(original, opts);
    if (kind == vi::TokenKind::kNumber) {
      // A short number may be a syllable the OCR read as digits ("6" for
      // "ở", "14" for "là"); mostly it is a number.
      opts.push_back({kNumber, nullptr, options.keep_number_log_prob});
      std::stable_sort(opts.begin(), opts.end(), [](const Option& a, const Option& b) { return a.channel > b.channel; });
      return result;
    }
    // The token itself always stays a reading: as its syllable, or kept.
    const WordId self = kind == vi::TokenKind::kWord ? lexicon.id(vi::canonical_tone(lower_utf8)) : kUnk;
    if (self == kUnk) {
      opts.push_back({kind == vi::TokenKind::kWord ? kForeign : kCode, nullptr, keep_log_prob(original)});
    } else if (std::none_of(opts.begin(), opts.end(), [&](const Option& o) { return o.word == self; })) {
      // The token is this syllable up to tone placement ("thủy", "thuỷ").
      const std::u32string& syl = spelling[self - kFirstSyllable];
      opts.push_back({self, &syl, channel.log_prob(syl, syl)});
    }
    result.syllable = self != kUnk;
    std::stable_sort(opts.begin(), opts.end(), [](const Option& a, const Option& b) { return a.channel > b.channel; });
    return result;
  }

};

Restorer::Restorer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Restorer::~Restorer() = default;

std::unique_ptr<Restorer> Restorer::load(const std::filesystem::path& dir, RestorerOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->lexicon = Lexicon::load(dir / "lexicon.tsv");
  impl->channel = ChannelModel::load(dir / "channel.tsv");
  impl->codes = CodeRepair::load(dir / "code_parts.tsv");
  impl->lm = LanguageModel::open(dir / "lm.bin");
  CandidateGenerator::Options generator_options;
  generator_options.max_candidates = options.candidates;
  impl->generator = std::make_unique<CandidateGenerator>(impl->lexicon, impl->channel, generator_options);
  for (const auto& e : impl->lexicon.entries()) impl->spelling.push_back(text::to_u32(e.syllable));
  return std::unique_ptr<Restorer>(new Restorer(std::move(impl)));
}

RestoredText Restorer::restore(std::string_view input, float detail_below) const {
  std::vector<vi::Token> tokens;
  vi::tokenize(input, tokens);
  const std::vector<std::pair<size_t, size_t>> sentences = split_sentences(input, tokens);

  // Decode sentences in parallel; each is independent, so the result does
  // not depend on the number of threads.
  struct Choice {
    const std::u32string* text = nullptr;  // nullptr: keep the token as written
    float confidence = 1;
    uint8_t number_prefix = 0, number_suffix = 0;  // see Option
    uint8_t span = 1;                              // 0: read with the token before
  };
  std::vector<Choice> choices(tokens.size());
  tbb::parallel_for(tbb::blocked_range<size_t>(0, sentences.size(), 8), [&](const tbb::blocked_range<size_t>& range) {
    Lattice lattice;
    std::vector<const Impl::TokenOptions*> own;
    for (size_t s = range.begin(); s != range.end(); ++s) {
      const auto [begin, end] = sentences[s];
      impl_->start_sentence();
      lattice.clear();
      own.clear();
      for (size_t i = begin; i < end; ++i) own.push_back(&impl_->options_for(tokens[i].text(input), tokens[i].kind));
      for (size_t i = begin; i < end; ++i)
        lattice.push_back(
            impl_->options_with_rejoin(input, tokens, i, *own[i - begin], i + 1 < end ? own[i + 1 - begin] : nullptr));
      const std::vector<Decision> decisions = decode(*impl_->lm, lattice, impl_->options.decoder);
      for (size_t i = begin; i < end; ++i) {
        const Decision& d = decisions[i - begin];
        if (d.option == kCovered) {
          choices[i] = {nullptr, d.confidence, 0, 0, 0};
          continue;
        }
        const Option& o = (*lattice[i - begin])[d.option];
        choices[i] = {o.text, d.confidence, o.number_prefix, o.number_suffix, o.span};
      }
    }
  });

  RestoredText out;
  out.text.reserve(input.size() + input.size() / 4);
  size_t cursor = 0;
  std::string restored;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Choice& c = choices[i];
    if (c.span == 0) continue;  // rejoined with the token before
    if (c.span == 2) {  // a syllable the OCR split: "Ngh i" -> "Nghị"
      const vi::Token& a = tokens[i];
      const vi::Token& b = tokens[i + 1];
      const std::string_view original = input.substr(a.offset, b.offset + b.length - a.offset);
      restored = apply_case(a.text(input), *c.text);
      out.text.append(input.substr(cursor, a.offset - cursor));
      out.text.append(restored);
      cursor = b.offset + b.length;
      if (c.confidence < detail_below)
        out.tokens.push_back({a.offset, static_cast<uint32_t>(original.size()), std::string(original), restored, c.confidence});
      continue;
    }
    const std::string_view original = tokens[i].text(input);
    // Codes, and abbreviations kept as they are ("HDND"), are repaired
    // case-sensitively from the code parts the corpus uses ("HĐND"). A
    // syllable takes the token's case pattern, unless it is the token itself
    // up to case and tone placement.
    if (tokens[i].kind == vi::TokenKind::kCode || (!c.text && looks_like_abbreviation(original)))
      restored = impl_->codes.repair(original);
    else if (c.number_prefix)  // unglued: "06thang" -> "06 tháng"
      restored = std::string(original.substr(0, c.number_prefix)) + " " +
                 apply_case(original.substr(c.number_prefix), *c.text);
    else if (c.number_suffix)
      restored = apply_case(original.substr(0, original.size() - c.number_suffix), *c.text) + " " +
                 std::string(original.substr(original.size() - c.number_suffix));
    else if (!c.text || same_word(original, *c.text)) restored.assign(original);
    else restored = apply_case(case_in_context(input, tokens, i, *c.text), *c.text);
    out.text.append(input.substr(cursor, tokens[i].offset - cursor));
    out.text.append(restored);
    cursor = tokens[i].offset + tokens[i].length;
    if (choices[i].confidence < detail_below)
      out.tokens.push_back({tokens[i].offset, tokens[i].length, std::string(original), restored, choices[i].confidence});
  }
  out.text.append(input.substr(cursor));
  return out;
}

namespace {

// Where a piece of at most `limit` bytes of `text` may end: after sentence
// punctuation at the end of a line or after a blank line, else after a
// space, else at the limit (moved back to a UTF-8 boundary). The line break
// matters: the case of a short token follows the words around it on its
// line, across sentence punctuation (case_in_context).
size_t piece_end(std::string_view text, size_t limit) {
  if (limit >= text.size()) return text.size();
  size_t space = std::string_view::npos;
  for (size_t i = limit; i > limit / 2; --i) {
    const char c = text[i - 1], next = text[i];
    const bool eol = next == '\n' || (next == '\r' && i + 1 < text.size() && text[i + 1] == '\n');
    if (eol && (c == '.' || c == '?' || c == '!' || c == ';' || c == ':')) return i;
    if (c == '\n' && next == '\n') return i;
    if (space == std::string_view::npos && c == ' ') space = i;
  }
  if (space != std::string_view::npos) return space;
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

}  // namespace

void restore_in_pieces(const Restorer& restorer, std::string_view text, size_t piece_bytes,
                       const std::function<void(std::string_view)>& sink) {
  while (!text.empty()) {
    const size_t end = piece_end(text, piece_bytes);
    sink(restorer.restore(text.substr(0, end), 0.0f).text);
    text.remove_prefix(end);
  }
}

}  // namespace vn::restore
