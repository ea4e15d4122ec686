#include "vi/tokenizer.hpp"

#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace vn::vi {
namespace {

enum class CharClass : uint8_t { kLetter, kDigit, kJoiner, kNumberJoiner, kOther };

CharClass classify(char32_t cp) {
  if (cp < 0x80) {
    if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') return CharClass::kLetter;
    if (cp >= '0' && cp <= '9') return CharClass::kDigit;
    if (cp == '-' || cp == '/') return CharClass::kJoiner;
    if (cp == '.' || cp == ',') return CharClass::kNumberJoiner;
    return CharClass::kOther;
  }
  if (text::is_decimal_digit(cp)) return CharClass::kDigit;
  if (text::is_letter_or_mark(cp)) return CharClass::kLetter;
  return CharClass::kOther;
}


// A maximal run of letters and digits, possibly with joiners inside.
struct Run {
  uint32_t begin = 0, end = 0;
  bool letters = false, digits = false, slash = false, hyphen = false;
};

// Whether a letters-only run joined by '/' is words ("đồng/năm"): every
// part has two letters or more and no capitals. Otherwise ("T/M", "BC/ĐU",
// "b/c") it is an abbreviation or code.
bool slash_joins_words(std::string_view text, const Run& run) {
  if (run.digits) return false;
  size_t part_letters = 0;
  for (size_t i = run.begin; i < run.end;) {
    if (text[i] == '/' || text[i] == '-') {
      if (part_letters < 2) return false;
      part_letters = 0;
      ++i;
      continue;
    }
    const char32_t cp = text::next_code_point(text, i);
    if (text::is_upper(cp)) return false;
    part_letters += text::is_letter_or_mark(cp);
  }
  return part_letters >= 2;
}

// Splits a run at its '/' and '-' joiners.
void split_at_joiners(std::string_view text, const Run& run, TokenKind kind, std::vector<Token>& out) {
  uint32_t start = run.begin;
  for (uint32_t i = run.begin; i <= run.end; ++i) {
    if (i == run.end || text[i] == '-' || text[i] == '/') {
      if (i > start) out.push_back({kind, start, i - start});
      start = i + 1;
    }
  }
}

void emit(std::string_view text, const Run& run, std::vector<Token>& out) {
  const uint32_t len = run.end - run.begin;
  if (run.slash && slash_joins_words(text, run)) {
    split_at_joiners(text, run, TokenKind::kWord, out);
  } else if (run.slash || (run.hyphen && run.letters && run.digits)) {
    out.push_back({TokenKind::kCode, run.begin, len});
  } else if (run.hyphen) {
    split_at_joiners(text, run, run.letters ? TokenKind::kWord : TokenKind::kNumber, out);
  } else if (run.letters && run.digits) {
    out.push_back({TokenKind::kMixed, run.begin, len});
  } else {
    out.push_back({run.letters ? TokenKind::kWord : TokenKind::kNumber, run.begin, len});
  }
}

}  // namespace

void tokenize(std::string_view text, std::vector<Token>& out) {
  Run run;
  bool in_run = false;
  CharClass prev = CharClass::kOther;
  size_t i = 0;
  while (i < text.size()) {
    const auto at = static_cast<uint32_t>(i);
    const char32_t cp = text::next_code_point(text, i);
    const CharClass cls = classify(cp);
    if (cls == CharClass::kLetter || cls == CharClass::kDigit) {
      if (!in_run) {
        run = Run{};
        run.begin = at;
        in_run = true;
      }
      (cls == CharClass::kLetter ? run.letters : run.digits) = true;
      run.end = static_cast<uint32_t>(i);
      prev = cls;
      continue;
    }
    // Symbols an OCR engine puts in place of a letter ("nhi¢m" for
    // "nhiệm", "tr¢" for "trợ") stay inside a word after a letter.
    if (in_run && prev == CharClass::kLetter && is_ocr_letter_symbol(cp)) {
      run.end = static_cast<uint32_t>(i);
      continue;
    }
    // A joiner stays inside the run only between two alphanumerics; '.' and
    // ',' only between two digits.
    const bool next_alnum = i < text.size() && [&] {
      size_t j = i;
      const CharClass n = classify(text::next_code_point(text, j));
      return cls == CharClass::kNumberJoiner ? n == CharClass::kDigit
                                             : n == CharClass::kLetter || n == CharClass::kDigit;
    }();
    const bool joins = in_run && next_alnum &&
                       ((cls == CharClass::kJoiner) || (cls == CharClass::kNumberJoiner && prev == CharClass::kDigit));
    if (joins) {
      if (cp == '/') run.slash = true;
      if (cp == '-') run.hyphen = true;
      prev = cls;
      continue;
    }
    if (in_run) emit(text, run, out);
    in_run = false;
    prev = CharClass::kOther;
  }
  if (in_run) emit(text, run, out);
}

bool is_ocr_letter_symbol(char32_t cp) {
  return cp == U'¢' || cp == U'£' || cp == U'©' || cp == U'®' || cp == U'@' || cp == U'&' || cp == U'§' || cp == U'¥' ||
         cp == U'€';
}

}  // namespace vn::vi
