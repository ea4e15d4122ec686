#include "restore/restorer.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "restore/candidates.hpp"
#include "restore/channel_model.hpp"
#include "restore/code_number.hpp"
#include "restore/code_repair.hpp"
#include "restore/kept_words.hpp"
#include "restore/lexicon.hpp"
#include "restore/list_marker.hpp"
#include "restore/roman_numeral.hpp"
#include "restore/ocr_symbols.hpp"
#include "restore/sentences.hpp"
#include "restore/token_case.hpp"
#include "restore/token_options.hpp"
#include "restore/word_case.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "vi/fold.hpp"
#include "vi/tone.hpp"

namespace vn::restore {

namespace {

CandidateGenerator::Options generator_options(const RestorerOptions& options) {
  CandidateGenerator::Options generator_options;
  generator_options.max_candidates = options.candidates;
  return generator_options;
}

}  // namespace

// The models, shared by restorers that differ only in their channel
// (Restorer::with_channel).
struct SharedModels {
  Lexicon lexicon;
  KeptWords kept;
  CodeRepair codes;
  std::unique_ptr<LanguageModel> lm;
};

// One reading per token, as decode() chose it.
struct Choice {
  const std::u32string* text = nullptr;  // nullptr: keep the token as written
  float confidence = 1;
  uint8_t number_prefix = 0, number_suffix = 0;  // see Option
  uint8_t span = 1;                              // 0: read with the token before
  // Runner-up readings of this one token as plain syllables (see
  // RestoredToken::alternatives); nullptr when none.
  const std::u32string* alternatives[2] = {nullptr, nullptr};
};

// Whether the token before tokens[i] was read as a word that takes a
// Roman numeral ("khóa", "quý": restore/roman_numeral.hpp).
bool after_numbering_word(const std::vector<Choice>& choices, size_t i) {
  return i > 0 && choices[i - 1].text && numbers_with_roman(vi::folded_lower(text::to_utf8(*choices[i - 1].text)));
}

struct Restorer::Impl {
  Impl(std::shared_ptr<const SharedModels> models, ChannelModel channel_model, const RestorerOptions& options)
      : options(options),
        models(std::move(models)),
        channel(std::move(channel_model)),
        generator(this->models->lexicon, channel, generator_options(options)),
        token_options(this->models->lexicon, this->models->kept, channel, generator, generator.spelling(),
                      {options.option_gap, options.keep_log_prob, options.keep_foreign_name_log_prob,
                       options.keep_abbreviation_log_prob, options.keep_number_log_prob,
                       options.keep_letter_log_prob}) {}

  // Decodes the sentences of `input` in parallel; each is independent, so
  // the result does not depend on the number of threads.
  std::vector<Choice> decide(std::string_view input, const std::vector<vi::Token>& tokens,
                             float exact_below) const;

  RestorerOptions options;
  std::shared_ptr<const SharedModels> models;
  ChannelModel channel;
  CandidateGenerator generator;
  OptionBuilder token_options;
};

std::vector<Choice> Restorer::Impl::decide(std::string_view input, const std::vector<vi::Token>& tokens,
                                           float exact_below) const {
  const std::vector<std::pair<size_t, size_t>> sentences = split_sentences(input, tokens);
  std::vector<Choice> choices(tokens.size());
  tbb::parallel_for(tbb::blocked_range<size_t>(0, sentences.size(), 8), [&](const tbb::blocked_range<size_t>& range) {
    Lattice lattice;
    std::vector<const TokenOptions*> own;
    for (size_t s = range.begin(); s != range.end(); ++s) {
      const auto [begin, end] = sentences[s];
      token_options.start_sentence();
      lattice.clear();
      own.clear();
      for (size_t i = begin; i < end; ++i) {
        const std::string_view token = tokens[i].text(input);
        if (is_list_marker(input, tokens[i]))
          own.push_back(&token_options.as_written(list_marker_letter(token), tokens[i].kind));
        else if (is_code_number(input, tokens[i]))
          own.push_back(&token_options.as_written(token, tokens[i].kind));
        else
          own.push_back(&token_options.options_for(token, tokens[i].kind));
      }
      for (size_t i = begin; i < end; ++i)
        lattice.push_back(token_options.options_with_rejoin(input, tokens, i, *own[i - begin],
                                                            i + 1 < end ? own[i + 1 - begin] : nullptr));
      const std::vector<Decision> decisions = decode(*models->lm, lattice, options.decoder, exact_below);
      for (size_t i = begin; i < end; ++i) {
        const Decision& d = decisions[i - begin];
        if (d.option == kCovered) {
          choices[i] = {nullptr, d.confidence, 0, 0, 0};
          continue;
        }
        const std::vector<Option>& opts = *lattice[i - begin];
        const Option& o = opts[d.option];
        choices[i] = {o.text, d.confidence, o.number_prefix, o.number_suffix, o.span};
        const bool one_word = o.span == 1 && (o.number_prefix | o.number_suffix) == 0;
        for (size_t r = 0, a = 0; one_word && r < 2; ++r) {
          if (d.runner_up[r] == kCovered || d.runner_up_share[r] < options.alternative_share) continue;
          const Option& alt = opts[d.runner_up[r]];
          if (alt.text && alt.span == 1 && (alt.number_prefix | alt.number_suffix) == 0)
            choices[i].alternatives[a++] = alt.text;
        }
      }
    }
  });
  return choices;
}

Restorer::Restorer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Restorer::~Restorer() = default;

std::unique_ptr<Restorer> Restorer::load(const std::filesystem::path& dir, RestorerOptions options,
                                         const std::filesystem::path& channel) {
  // Loaded in this order, so that an error names the first bad file.
  Lexicon lexicon = Lexicon::load(dir / "lexicon.tsv");
  ChannelModel channel_model = ChannelModel::load(channel.empty() ? dir / "channel.tsv" : channel);
  CodeRepair codes = CodeRepair::load(dir / "code_parts.tsv");
  KeptWords kept = KeptWords::load(dir / "kept_words.tsv");
  auto models = std::make_shared<const SharedModels>(
      SharedModels{std::move(lexicon), std::move(kept), std::move(codes), LanguageModel::open(dir / "lm.bin")});
  return std::unique_ptr<Restorer>(new Restorer(std::make_unique<Impl>(std::move(models), std::move(channel_model), options)));
}

std::unique_ptr<Restorer> Restorer::with_channel(ChannelModel channel) const {
  return std::unique_ptr<Restorer>(new Restorer(std::make_unique<Impl>(impl_->models, std::move(channel), impl_->options)));
}

const ChannelModel& Restorer::channel() const { return impl_->channel; }

std::vector<TokenReading> Restorer::read(std::string_view input, float exact_below) const {
  std::vector<vi::Token> tokens;
  restoration_tokens(input, tokens);
  const std::vector<Choice> choices = impl_->decide(input, tokens, exact_below);
  std::vector<TokenReading> out(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Choice& c = choices[i];
    out[i] = {tokens[i].offset, tokens[i].length, c.span == 0 ? nullptr : c.text, c.confidence, c.span,
              (c.number_prefix | c.number_suffix) != 0};
  }
  return out;
}

RestoredText Restorer::restore(std::string_view input, float detail_below) const {
  std::vector<vi::Token> tokens;
  restoration_tokens(input, tokens);
  const std::vector<Choice> choices = impl_->decide(input, tokens, detail_below);

  RestoredText out;
  out.text.reserve(input.size() + input.size() / 4);
  size_t cursor = 0;
  std::string restored;
  // Lists the token just restored (`restored`) in out.tokens.
  auto detail = [&](uint32_t offset, std::string_view original, const Choice& c, uint32_t restored_offset) {
    RestoredToken& t = out.tokens.emplace_back(RestoredToken{offset, static_cast<uint32_t>(original.size()),
                                                             std::string(original), restored, c.confidence,
                                                             restored_offset, {}});
    for (const std::u32string* alt : c.alternatives)
      if (alt) t.alternatives.push_back(text::to_utf8(*alt));
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Choice& c = choices[i];
    if (c.span == 0) continue;  // rejoined with the token before
    if (c.span == 2) {  // a syllable the OCR split: "Ngh i" -> "Nghị"
      const vi::Token& a = tokens[i];
      const vi::Token& b = tokens[i + 1];
      const std::string_view original = input.substr(a.offset, b.offset + b.length - a.offset);
      restored = apply_case(a.text(input), vi::traditional_tone(*c.text));
      out.text.append(input.substr(cursor, a.offset - cursor));
      const auto restored_offset = static_cast<uint32_t>(out.text.size());
      out.text.append(restored);
      cursor = b.offset + b.length;
      if (c.confidence < detail_below) detail(a.offset, original, c, restored_offset);
      continue;
    }
    const std::string_view original = tokens[i].text(input);
    // Codes, and abbreviations kept as they are ("HDND"), are repaired
    // case-sensitively from the code parts the corpus uses ("HĐND"). A
    // syllable takes the token's case pattern, unless it is the token itself
    // up to case and tone placement; one it chooses is written with the
    // placement most documents use (vi::traditional_tone).
    if (const auto numeral = c.text ? std::nullopt : read_damaged_roman(original, after_numbering_word(choices, i)))
      restored = *numeral;  // "X1I" -> "XII"
    else if (tokens[i].kind == vi::TokenKind::kNumber && original == "|")
      restored = bar_number_text(after_numbering_word(choices, i));  // "khoản | Điều 3" -> "khoản 1 Điều 3"
    else if (const auto zero = tokens[i].kind == vi::TokenKind::kNumber ? number_with_o_for_zero(original) : std::nullopt)
      restored = *zero;  // "O1" -> "01"
    else if (!c.text && list_marker_letter(original) != original && is_list_marker(input, tokens[i]))
      restored = list_marker_letter(original);  // "¢)" -> "c)"
    else if (tokens[i].kind == vi::TokenKind::kCode)
      restored = impl_->models->codes.repair(original);
    else if (!c.text && looks_like_abbreviation(original))
      restored = impl_->models->codes.repair_abbreviation(original);
    else if (c.number_prefix)  // unglued: "06thang" -> "06 tháng"
      restored = std::string(original.substr(0, c.number_prefix)) + " " +
                 apply_case(original.substr(c.number_prefix), vi::traditional_tone(*c.text));
    else if (c.number_suffix)
      restored = apply_case(original.substr(0, original.size() - c.number_suffix), vi::traditional_tone(*c.text)) + " " +
                 std::string(original.substr(original.size() - c.number_suffix));
    else {
      restored = !c.text || same_word(original, *c.text)
                     ? std::string(original)
                     : apply_case(case_in_context(input, tokens, i, *c.text), vi::traditional_tone(*c.text));
      if (c.text && i > 0 && choices[i - 1].text &&
          capital_inside_word(*impl_->models->lm, impl_->models->lexicon, input, tokens, i, restored,
                              *choices[i - 1].text, *c.text, impl_->options.inside_word_log_prob))
        restored = text::to_lower(restored);  // "triển Khai" -> "triển khai"
    }
    out.text.append(input.substr(cursor, tokens[i].offset - cursor));
    const auto restored_offset = static_cast<uint32_t>(out.text.size());
    out.text.append(restored);
    cursor = tokens[i].offset + tokens[i].length;
    if (c.confidence < detail_below) detail(tokens[i].offset, original, c, restored_offset);
  }
  out.text.append(input.substr(cursor));
  return out;
}

// The line break matters: the case of a short token follows the words
// around it on its line, across sentence punctuation (case_in_context).
size_t piece_end(std::string_view text, size_t limit) {
  if (limit >= text.size()) return text.size();
  size_t space = std::string_view::npos;
  for (size_t i = limit; i > limit / 2; --i) {
    const char c = text[i - 1], next = text[i];
    const bool eol = next == '\n' || (next == '\r' && i + 1 < text.size() && text[i + 1] == '\n');
    if (eol && (c == '.' || c == '?' || c == '!' || c == ';' || c == ':')) return i;
    if (c == '\n' && next == '\n' && blank_line_ends_sentence(text.substr(i))) return i;
    if (space == std::string_view::npos && c == ' ') space = i;
  }
  if (space != std::string_view::npos) return space;
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

void restore_in_pieces(const Restorer& restorer, std::string_view text, size_t piece_bytes,
                       const std::function<void(std::string_view)>& sink) {
  while (!text.empty()) {
    const size_t end = piece_end(text, piece_bytes);
    sink(restorer.restore(text.substr(0, end), 0.0f).text);
    text.remove_prefix(end);
  }
}

}  // namespace vn::restore
