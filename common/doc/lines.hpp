// The lines of a document as its layout shows them: indentation and the
// columns of two-column headers and signature blocks. What metadata
// extraction (doc/metadata.hpp) reads the layout from.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vn::doc {

// One column of a line.
struct Segment {
  std::string text;  // white space collapsed
  bool left;         // starts at the left margin of the line
};

// One line of a document (without its '\n'). Its collapsed text and its
// columns are worked out on first use: only the header, the signature
// block and heading lines ever need them. Views into the document's text,
// which must outlive it. Not thread-safe (the lazy members).
class Line {
 public:
  explicit Line(std::string_view raw);

  std::string_view raw() const { return raw_; }
  // The line without its leading white space.
  std::string_view trimmed() const { return raw_.substr(lead_); }
  bool blank() const { return lead_ == raw_.size(); }
  bool indented() const { return lead_ > 0 && !blank(); }
  // The line with runs of white space collapsed to one space, trimmed.
  const std::string& flat() const;
  // Its columns, split at runs of 3+ spaces or a tab.
  const std::vector<Segment>& segments() const;
  // The text of the first column when it starts at the left margin, else "".
  std::string left() const;

 private:
  std::string_view raw_;
  size_t lead_ = 0;
  mutable std::optional<std::string> flat_;
  mutable std::optional<std::vector<Segment>> segments_;
};

// Every line of `text`, split at '\n' (a final line without one included).
std::vector<Line> split_lines(std::string_view text);

}  // namespace vn::doc
