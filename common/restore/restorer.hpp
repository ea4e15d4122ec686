// Restoration of OCR'd Vietnamese text: the public face of restore/.
//
// Text is tokenised (vi/tokenizer.hpp) and cut into sentences; every word
// token gets candidate syllables (restore/candidates.hpp) plus the option
// of staying as it is (foreign words, abbreviations, Roman numerals);
// numbers pass through; codes get the OCR damage in their letter parts
// repaired, case-sensitively ("2098-QB/TU" -> "2098-QĐ/TU",
// restore/code_repair.hpp). The decoder picks one reading per token under
// the language model and the channel, and the reading replaces the token in
// place with the token's case pattern, so everything between tokens
// (spaces, punctuation, line breaks) is kept byte for byte.
#pragma once
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "restore/channel_model.hpp"
#include "restore/decoder.hpp"
#include "restore/model_dir.hpp"  // default_model_dir(), for the callers of Restorer::load
#include "restore/token_case.hpp"

namespace vn::restore {

struct RestoredToken {
  uint32_t offset = 0;      // byte offset of the token in the input
  uint32_t length = 0;      // byte length in the input
  std::string original;
  std::string restored;     // equal to original when kept
  float confidence = 1.0f;  // (0, 1]
  uint32_t restored_offset = 0;  // byte offset of `restored` in RestoredText::text
  // Up to two other readings as syllables (lower case), the likelier first,
  // each with a share of at least RestorerOptions::alternative_share; none
  // when the token was read as two words or with the next token.
  std::vector<std::string> alternatives;
};

struct RestoredText {
  std::string text;                   // the restored text, same lines as the input
  std::vector<RestoredToken> tokens;  // the tokens asked for (see Restorer::restore), in order
};

struct RestorerOptions {
  DecoderOptions decoder;
  size_t candidates = 30;       // candidate syllables per token (10 loses readings two edits away: "dink" as "định")
  // Drop readings this many log10 units behind the best both by channel
  // score and by unigram posterior (channel plus prior; the posterior
  // keeps "đạo" for "PAO", which the rare syllable "pao" spells exactly:
  // held-out print SER 0.0195 -> 0.0194, scan 0.0637 -> 0.0628, stripped
  // 0.0248 -> 0.0228). 3 costs stripped text 0.0020. 5 scored as 4 until
  // candidates reached a "u" read as two letters (restore/candidates.hpp);
  // since, against 4, it gives scan SER 0.0504 -> 0.0503, 0.0725 ->
  // 0.0720 and 0.0572 -> 0.0570, print and stripped text unchanged, and
  // costs about 5 % of restoring time; 6 scores as 5.
  float option_gap = 5.0f;
  // Channel log10 P(token | token kept as is) for a token that is no
  // syllable ("thyue", "cyte", "Nquyén": OCR damage far more often than a
  // foreign word), and for one shaped like a foreign name (a capital, then
  // plain Latin letters: "Haiti", "Phnom"). Tuned on our held-out pages:
  // -5 for both gave SER print 0.0240, stripped 0.0223, scan 0.0668; -7
  // and -4 give 0.0231, 0.0221, 0.0656 (-6..-8 and -3.5..-4 score alike).
  float keep_log_prob = -7.0f;
  float keep_foreign_name_log_prob = -4.0f;
  float keep_abbreviation_log_prob = -1.0f;  // the same for abbreviation-shaped tokens (UBND, XIX) and kept words (km)
  // The same for a number of one or two digits. OCR reads "ở" as "6":
  // -1.5 reads more of those (held-out print SER 0.0221 -> 0.0219, scan
  // 0.0656 -> 0.0653) but costs the real documents of eval/dev, which
  // hold more numbers, 0.0005; -2.5 reads numbers as letters.
  float keep_number_log_prob = -0.5f;
  // The same for a letter that is no syllable ("b", "d": the points of a
  // legal text, "điểm d khoản 3", which were read as "i"). Our held-out
  // print, scan and stripped pages score alike from -3 to -4 (print SER
  // 0.0243 -> 0.0239..0.0241 against -5); a letter left of a syllable the
  // OCR cut ("Đảng b tỉnh") must still lose to it, so not cheaper.
  float keep_letter_log_prob = -3.5f;
  // A capital after a syllable in small letters that it follows with at
  // least this log10 bigram probability is an OCR capital inside a word,
  // written small ("triển Khai": restore/word_case.hpp). On 100 training
  // documents of scripts/make-doc-corpus, capitals read for small letters
  // 105 -> 96 and small letters for capitals 6 -> 6; -1.5 also lowers
  // "tiếng Việt" (small for capitals 15), -2 "theo Quyết định" (67).
  float inside_word_log_prob = -1.0f;
  float alternative_share = 0.01f;  // RestoredToken::alternatives: readings with at least this share
};

// How the restorer read one token of a text (Restorer::read).
struct TokenReading {
  uint32_t offset = 0;  // byte offset of the token in the input
  uint32_t length = 0;  // byte length in the input
  // The lower-case syllable it was read as, in the lexicon's spelling;
  // nullptr when it was kept as written (numbers, codes, foreign words) or
  // read with the token before (span 0). Points into the restorer, valid
  // while it lives.
  const std::u32string* syllable = nullptr;
  float confidence = 1.0f;  // (0, 1], as RestoredToken's
  uint8_t span = 1;         // 2: read with the next token as one syllable; 0: read with the one before
  bool unglued = false;     // the token was read as a number glued to `syllable` ("06thang")
};

class Restorer {
 public:
  // Loads lexicon.tsv, channel.tsv, code_parts.tsv, kept_words.tsv and lm.bin from
  // `model_dir`; with `channel`, the OCR channel from that file instead
  // (an adapted channel, restore/channel_adaptation.hpp). Throws
  // std::runtime_error naming the missing or malformed file.
  static std::unique_ptr<Restorer> load(const std::filesystem::path& model_dir, RestorerOptions options = {},
                                        const std::filesystem::path& channel = {});
  // The same models and options with another channel. The lexicon, code
  // parts and language model are shared with this restorer, which may be
  // destroyed first.
  std::unique_ptr<Restorer> with_channel(ChannelModel channel) const;
  ~Restorer();

  const ChannelModel& channel() const;

  // Restores `text`; RestoredText::tokens lists the tokens whose confidence
  // is below `detail_below` (default: every token; 0: none, which saves
  // memory on large inputs). Sentences are decoded in parallel (oneTBB);
  // the result is the same whatever the number of threads.
  // REQUIRES: valid UTF-8 (NFC for best results). Thread-safe.
  RestoredText restore(std::string_view text, float detail_below = 2.0f) const;

  // How each token of `text` (vi::tokenize) is read, with confidences, in
  // token order: what restore() decides, without writing the text.
  // Confidences are exact below `exact_below`; one surely at or above it
  // may be given as any value from exact_below to 1 (decode()), which is
  // cheaper. REQUIRES as restore(). Thread-safe.
  std::vector<TokenReading> read(std::string_view text, float exact_below = 2.0f) const;

 private:
  struct Impl;
  explicit Restorer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Restores `text` in pieces of about `piece_bytes` and hands each restored
// piece to `sink`, in order, so memory stays bounded on huge inputs. Pieces
// end after sentence punctuation at the end of a line or after a blank
// line that ends a sentence (blank_line_ends_sentence: not before a word in
// small letters), where restoration is independent of what follows, so the result
// equals restore(text).text; only text with no such place within a piece
// is cut at a space instead.
void restore_in_pieces(const Restorer& restorer, std::string_view text, size_t piece_bytes,
                       const std::function<void(std::string_view)>& sink);

// Where restore_in_pieces ends the piece that starts `text`, at most
// `limit` bytes long (limit >= 4): after sentence punctuation at the end of
// a line or after a blank line that ends a sentence, else after a space, else at the limit
// (moved back to a UTF-8 boundary); text.size() when it fits.
size_t piece_end(std::string_view text, size_t limit);

}  // namespace vn::restore
