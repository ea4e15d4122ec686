// Fuzz target: diacritic restoration (restore/restorer.hpp) with the
// shipped models, on decoded (valid NFC UTF-8) text of at most 4 KB.
#include <tbb/global_control.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_check.hpp"
#include "restore/ocr_symbols.hpp"
#include "restore/restorer.hpp"
#include "restore/sentences.hpp"
#include "vi/tokenizer.hpp"

#ifndef VNARCHIVE_MODELS_DIR
#error "VNARCHIVE_MODELS_DIR must name the models/ directory"
#endif

namespace {

using vn::fuzz::on_boundary;
using vn::fuzz::valid_utf8;

constexpr size_t kMaxInput = 4096;

const vn::restore::Restorer& restorer() {
  // One thread: the result does not depend on it (documented), and the
  // fuzzer's machine has few cores.
  static tbb::global_control threads(tbb::global_control::max_allowed_parallelism, 1);
  static const std::unique_ptr<vn::restore::Restorer> r = vn::restore::Restorer::load(VNARCHIVE_MODELS_DIR);
  return *r;
}

// Whether restored pieces were cut where restore_in_pieces promises the
// same result as restoring the whole: after sentence punctuation at the end
// of a line, or at a blank line. (Restored tokens are letters and digits, so
// a restored piece ends in the same gap bytes as the piece of the input.)
bool clean_cut(std::string_view end_of_piece, std::string_view next_piece) {
  if (end_of_piece.empty() || next_piece.empty()) return false;
  const char last = end_of_piece.back();
  const bool eol = next_piece.starts_with('\n') || next_piece.starts_with("\r\n");
  return (eol && (last == '.' || last == '?' || last == '!' || last == ';' || last == ':')) ||
         (last == '\n' && next_piece.front() == '\n' && vn::restore::blank_line_ends_sentence(next_piece));
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)restorer();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInput) return 0;
  const std::optional<std::string> decoded = vn::fuzz::decoded_text(data, size);
  if (!decoded) return 0;
  const std::string& input = *decoded;
  const vn::restore::RestoredText r = restorer().restore(input);

  FUZZ_CHECK(valid_utf8(r.text));
  // Same lines as the input.
  FUZZ_CHECK(std::count(r.text.begin(), r.text.end(), '\n') == std::count(input.begin(), input.end(), '\n'));

  // Every token is listed (detail_below defaults to all), in order, and the
  // text is the input with each listed span replaced by its restoration:
  // the bytes between tokens are kept as they are.
  std::vector<vn::vi::Token> tokens;
  vn::restore::restoration_tokens(input, tokens);
  std::string rebuilt;
  size_t cursor = 0, next_token = 0;
  for (const vn::restore::RestoredToken& t : r.tokens) {
    FUZZ_CHECK(t.offset >= cursor);
    FUZZ_CHECK(size_t{t.offset} + t.length <= input.size());
    FUZZ_CHECK(on_boundary(input, t.offset) && on_boundary(input, t.offset + t.length));
    FUZZ_CHECK(t.original == std::string_view(input).substr(t.offset, t.length));
    FUZZ_CHECK(valid_utf8(t.restored));
    FUZZ_CHECK(t.confidence > 0.0f && t.confidence <= 1.0f);  // also false for NaN
    // One token, or two the restorer read as one syllable ("Ngh i").
    FUZZ_CHECK(next_token < tokens.size() && tokens[next_token].offset == t.offset);
    size_t covered = tokens[next_token].length;
    ++next_token;
    if (covered != t.length) {
      FUZZ_CHECK(next_token < tokens.size());
      covered = tokens[next_token].offset + tokens[next_token].length - t.offset;
      ++next_token;
    }
    FUZZ_CHECK(covered == t.length);
    rebuilt.append(input, cursor, t.offset - cursor).append(t.restored);
    cursor = t.offset + t.length;
  }
  FUZZ_CHECK(next_token == tokens.size());
  rebuilt.append(input, cursor);
  FUZZ_CHECK(rebuilt == r.text);

  // Deterministic: the shared cache of token options does not change the
  // result; asking for no detail does not either.
  const vn::restore::RestoredText again = restorer().restore(input, 0.0f);
  FUZZ_CHECK(again.text == r.text);
  FUZZ_CHECK(again.tokens.empty());

  // Restoring in pieces gives the same text where the pieces were cut
  // after sentence punctuation at the end of a line or at a blank line
  // (restorer.hpp); a cut at a space (no such place within a piece) may
  // change the result.
  std::vector<std::string> pieces;
  vn::restore::restore_in_pieces(restorer(), input, std::max<size_t>(32, input.size() / 3),
                                 [&](std::string_view p) { pieces.emplace_back(p); });
  bool clean_cuts = true;
  std::string joined;
  for (size_t i = 0; i < pieces.size(); ++i) {
    joined += pieces[i];
    if (i + 1 < pieces.size()) clean_cuts &= clean_cut(pieces[i], pieces[i + 1]);
  }
  FUZZ_CHECK(valid_utf8(joined));
  if (clean_cuts) FUZZ_CHECK(joined == r.text);
  return 0;
}
