// vnsearch's query language, compiled to a Xapian::Query over our schema.
//
// Syntax (that of Xapian's QueryParser): words, "phrases", +required,
// -excluded, AND, OR, XOR, NOT, AND NOT, parentheses, NEAR and ADJ (NEAR/n,
// ADJ/n) between words, and prefix wildcards (chuy*). A word shaped like a
// field that is none ("yaer:2025", "Type:bc") is an error. A word typed without
// diacritics matches the folded terms; a word typed with diacritics matches
// the same documents and additionally scores on the exact term, so exact
// spellings rank first. Unquoted words must all match (or any, with
// DefaultOperator::kOr) and rank higher where they stand together: as typed
// (a phrase) first, then near each other. Words are tokenised like indexed
// text, so codes such as 18-NQ/TW stay one term.
#pragma once
#include <xapian.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vn::restore {
class Restorer;
}

namespace vn::query {

struct QueryWord {
  std::string exact;   // exact index term
  std::string folded;  // folded index term, without prefix
  bool accented = false;
};

struct ParsedQuery {
  Xapian::Query query;
  std::vector<QueryWord> words;  // every positive word, in query order
  std::string restored;          // the query's words as the restorer read them ("" without one)
  // The query with one word free in each phrase of 3 to 12 words and in
  // each run of 3 to 12 unsigned words joined by AND (a phrase's other
  // words in their places; the free one a word, never a number or code):
  // what a document whose restoration erred in one of those words still
  // matches. Empty when the query has neither.
  Xapian::Query approximate;
};

enum class DefaultOperator { kAnd, kOr };

class QueryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Bounds that keep every search cheap: a query is a few words a user
// remembers, not a document.
inline constexpr size_t kMaxQueryBytes = 4096;
inline constexpr size_t kMaxQueryWords = 256;  // words and numbers, in words, phrases and groups

// Throws QueryError for an empty query, ill-formed UTF-8, parentheses
// nested more than 100 deep, or a query over kMaxQueryBytes or
// kMaxQueryWords.
//
// With a restorer, the query's words are restored together (in context) and
// a word typed without diacritics that the restorer reads as an accented
// syllable ("dang" -> "đảng") also scores on that exact term: documents
// holding the restored spelling rank first, the others still match.
ParsedQuery parse_query(std::string_view query, DefaultOperator default_op = DefaultOperator::kAnd,
                        const restore::Restorer* restorer = nullptr);

}  // namespace vn::query
