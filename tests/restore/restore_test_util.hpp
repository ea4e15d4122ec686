// Test helpers for the restorer: the shipped models and the structural
// promises every restoration keeps, whatever the models decide.
#pragma once
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "restore/ocr_symbols.hpp"
#include "restore/restorer.hpp"
#include "text/utf8.hpp"
#include "vi/tokenizer.hpp"

namespace vn::test {

// The shipped models, loaded once per test process.
inline const restore::Restorer& shipped_restorer() {
  static const std::unique_ptr<restore::Restorer> r = restore::Restorer::load(restore::default_model_dir());
  return *r;
}

// The output is the input with each token replaced by its restoration, so
// all text between tokens is byte-identical and the lines are the same;
// the output is valid UTF-8 and confidences are in (0, 1].
// Every input token is reported once, in order — alone, or together with
// the next one when the restorer rejoined a syllable the OCR split ("Ngh i").
inline ::testing::AssertionResult keeps_structure(std::string_view input, const restore::RestoredText& out) {
  std::vector<vn::vi::Token> tokens;
  vn::restore::restoration_tokens(input, tokens);
  std::string rebuilt;
  rebuilt.reserve(out.text.size());
  size_t cursor = 0, j = 0;
  for (size_t i = 0; i < out.tokens.size(); ++i, ++j) {
    const auto& r = out.tokens[i];
    if (j >= tokens.size()) return ::testing::AssertionFailure() << "more restored tokens than input tokens";
    const bool rejoined = r.length != tokens[j].length && j + 1 < tokens.size() &&
                          r.offset + r.length == tokens[j + 1].offset + tokens[j + 1].length;
    if (r.offset != tokens[j].offset || (r.length != tokens[j].length && !rejoined))
      return ::testing::AssertionFailure() << "token " << i << " at the wrong place";
    if (rejoined) ++j;
    if (input.substr(r.offset, r.length) != r.original)
      return ::testing::AssertionFailure() << "token " << i << ": original is not the input slice";
    if (r.restored.empty() || r.restored.find_first_of("\n\r") != std::string::npos)
      return ::testing::AssertionFailure() << "token " << i << " restored to '" << r.restored << "'";
    if (!(r.confidence > 0.0f && r.confidence <= 1.0f))
      return ::testing::AssertionFailure() << "token " << i << " '" << r.original.substr(0, 40) << "' has confidence "
                                           << r.confidence;
    rebuilt.append(input.substr(cursor, r.offset - cursor));
    rebuilt.append(r.restored);
    cursor = r.offset + r.length;
  }
  if (j != tokens.size())
    return ::testing::AssertionFailure() << tokens.size() << " tokens in the input, " << j << " restored";
  rebuilt.append(input.substr(cursor));
  if (rebuilt != out.text) return ::testing::AssertionFailure() << "the text between tokens changed";
  if (std::count(input.begin(), input.end(), '\n') != std::count(out.text.begin(), out.text.end(), '\n'))
    return ::testing::AssertionFailure() << "line count changed";
  if (vn::text::find_invalid_utf8(out.text) != vn::text::kValid) return ::testing::AssertionFailure() << "invalid UTF-8 out";
  return ::testing::AssertionSuccess();
}

// Restores `input` with the shipped models, checking keeps_structure().
inline restore::RestoredText restore_checked(std::string_view input) {
  restore::RestoredText out = shipped_restorer().restore(input);
  EXPECT_TRUE(keeps_structure(input, out)) << "input: " << input.substr(0, 200);
  return out;
}

// The first restored token whose original is `original`, or nullptr.
inline const restore::RestoredToken* find_token(const restore::RestoredText& r, std::string_view original) {
  for (const auto& t : r.tokens)
    if (t.original == original) return &t;
  return nullptr;
}

}  // namespace vn::test
