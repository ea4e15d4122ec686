// The lines of a document as its layout shows them: indentation and the
// columns of two-column headers and signature blocks. What metadata
// extraction (doc/metadata.hpp) reads the layout from.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vn::doc {

// One column of a line.
struct Segment {
  std::string text;  // white space collapsed
  // Starts at the left margin of the line, or indented by less than a
  // column gap (one or two spaces: a wrapped list item's continuation
  // "  tỉnh," under "- Ban cán sự đảng UBND").
  bool left;
};

// A line is laid out (flat(), segments()) from its first this many bytes:
// no header, title, heading or signature line is longer, and a huge line
// (a whole document without line breaks) then costs no copy of itself.
inline constexpr size_t kMaxLayoutLineBytes = 64 << 10;

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
  // The line with runs of white space collapsed to one space, trimmed
  // (of its first kMaxLayoutLineBytes).
  const std::string& flat() const;
  // Its columns, split at runs of 3+ spaces (a column gap) or a tab (in
  // its first kMaxLayoutLineBytes).
  const std::vector<Segment>& segments() const;
  // The text of the first column when it starts at the left margin, else "".
  std::string left() const;

 private:
  // The part of the line that is laid out.
  std::string_view laid_out() const;

  std::string_view raw_;
  size_t lead_ = 0;
  mutable std::optional<std::string> flat_;
  mutable std::optional<std::vector<Segment>> segments_;
};

// The lines of a document's text (split at '\n'; a final line without one
// included), found once as 4 bytes of offset per line, so that a text of
// millions of short lines costs little. Views into the text, which must
// outlive it. Not thread-safe.
// REQUIRES: the text is shorter than 4 GiB.
class Lines {
 public:
  explicit Lines(std::string_view text);

  size_t size() const { return starts_.size(); }

  // Line i, made afresh: for scans that read each line once.
  Line view(size_t i) const;

  // Line i, kept (with its columns, once worked out) as long as the Lines:
  // for the few lines of the header and title that several readers look
  // at. Every line asked for stays, so not for scans over the whole text.
  const Line& at(size_t i) const;

  // The line that starts at byte `offset`, or size() when none does.
  size_t line_starting_at(size_t offset) const;

 private:
  std::string_view text_;
  std::vector<uint32_t> starts_;
  mutable std::unordered_map<size_t, Line> kept_;
};

}  // namespace vn::doc
