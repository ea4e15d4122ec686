// Fuzz target: metadata and citations read from a document's layout
// (doc/metadata.hpp, doc/citations.hpp, doc/title.hpp), on decoded text.
#include <cstdint>
#include <optional>
#include <string>

#include "doc/citations.hpp"
#include "doc/metadata.hpp"
#include "doc/title.hpp"
#include "fuzz_check.hpp"

namespace {

using vn::fuzz::on_boundary;
using vn::fuzz::valid_utf8;

bool iso_date_shape(std::string_view d) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (d[i] < '0' || d[i] > '9') return false;
    return true;
  };
  if (d.empty()) return true;
  if (d.size() == 7) return digits(0, 4) && d[4] == '-' && digits(5, 2);  // day damaged
  return d.size() == 10 && digits(0, 4) && d[4] == '-' && digits(5, 2) && d[7] == '-' && digits(8, 2);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::optional<std::string> decoded = vn::fuzz::decoded_text(data, size);
  if (!decoded) return 0;
  const std::string_view text = *decoded;

  // Read alone, and beside an OCR text (its second half standing for it:
  // the lines of the two need not match).
  const std::string_view ocr = text.substr(text.size() / 2);
  for (const vn::doc::Metadata& md :
       {vn::doc::extract_metadata(text), vn::doc::extract_metadata(text, {}, valid_utf8(ocr) ? ocr : text)}) {
    for (const std::string* f : {&md.type, &md.number, &md.code, &md.place, &md.date, &md.issuer, &md.title,
                                 &md.signer, &md.signer_position, &md.draft})
      FUZZ_CHECK(valid_utf8(*f));
    for (const std::string& r : md.recipients) FUZZ_CHECK(valid_utf8(r));
    for (const auto& [heading, level] : md.outline) FUZZ_CHECK(valid_utf8(heading) && level >= 1);
    FUZZ_CHECK(iso_date_shape(md.date));
    FUZZ_CHECK(md.code.empty() || md.code.starts_with(md.number));
  }

  size_t prev = 0;
  for (const vn::doc::Citation& c : vn::doc::extract_citations(text)) {
    FUZZ_CHECK(c.offset >= prev);  // text order
    prev = c.offset;
    FUZZ_CHECK(c.length > 0 && c.offset + c.length <= text.size());
    FUZZ_CHECK(on_boundary(text, c.offset) && on_boundary(text, c.offset + c.length));
    FUZZ_CHECK(valid_utf8(c.key) && valid_utf8(c.code) && valid_utf8(c.type));
    FUZZ_CHECK(!c.type.empty() && c.key == c.type + " " + c.code);
    FUZZ_CHECK(c.date.empty() || iso_date_shape(c.date));
    FUZZ_CHECK(vn::doc::normalize_code(c.code) == c.code);  // repairing twice changes nothing
  }

  const auto [first, second] = vn::doc::number_line_span(text);
  if (first != std::string_view::npos) FUZZ_CHECK(first <= second && second <= text.size());

  const std::string title = vn::doc::title_of(text);
  FUZZ_CHECK(valid_utf8(title) && title.size() <= 200);
  FUZZ_CHECK(vn::doc::title_of(text, 7).size() <= 7);
  FUZZ_CHECK(valid_utf8(vn::doc::normalize_code(text)));
  return 0;
}
