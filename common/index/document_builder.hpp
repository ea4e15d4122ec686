// From a source file's bytes to what the writer stores: the Xapian
// document (terms, values, id) and the compressed sidecar record.
#pragma once
#include <xapian.h>

#include <string>
#include <vector>

#include "doc/citations.hpp"
#include "doc/gazetteer.hpp"
#include "doc/person_names.hpp"
#include "doc/metadata.hpp"
#include "io/source_file.hpp"
#include "io/walker.hpp"
#include "store/frame_codec.hpp"
#include "store/record.hpp"
#include "store/sidecar.hpp"
#include "vi/tokenizer.hpp"

namespace vn::restore {
class Restorer;
}

namespace vn::index {

struct PreparedDocument {
  io::SourceEntry source;
  bool ok = false;
  std::string error;          // why the file was not indexed, when !ok
  std::string damage;         // when ok: what of the bytes could not be read as text, by byte range
                              // (decode::Damage::describe()), or empty
  uint64_t bytes = 0;         // bytes read (decompressed)
  std::string content_hash;   // of the bytes read
  std::string id_term;        // unique id term of the source path
  std::string title;
  Xapian::Document document;  // terms and values; data is set by the writer
  store::RecordFrames frames;  // the record, compressed: one frame, or a header and text chunks
  std::vector<uint32_t> chunk_starts;  // store::DocumentData::chunk_starts
};

// Decodes the bytes and builds the record. Returns false with `error` set
// when the bytes are not text the indexer can read; else sets `damage` to
// what of them was read around (decode::Damage::describe()), or "".
bool make_record(const io::SourceEntry& source, std::string bytes, store::DocumentRecord& record, std::string& error,
                 std::string& damage);

// The text a record is searched and read by: the restored text when there
// is one, else the text itself.
const std::string& searchable_text(const store::DocumentRecord& record);

// Terms of the record's searchable text, its values, its id term and its
// metadata terms and slots (store/schema.hpp). `tokens`, when given, are
// vi::tokenize(searchable_text(record)).
Xapian::Document make_xapian_document(const store::DocumentRecord& record);
Xapian::Document make_xapian_document(const store::DocumentRecord& record, const std::vector<vi::Token>& tokens);
// All but the text's postings: id term, metadata terms and slots, values.
void add_record_fields(Xapian::Document& doc, const store::DocumentRecord& record);

// Tokens restored with less confidence than this are listed in the record.
inline constexpr float kLowConfidence = 0.5f;
// How many more occurrences a word of a document's title counts for in
// ranking (store::add_title_terms). On bench/title-eval (train split: 66
// queries of title words that other documents' texts also hold), words
// typed plain ranked their document first 0.197 of the time with no title
// weight, 0.470 with 4, 0.591 with 8 and 16; queries from the text, 0.780
// without and 0.787 with 8.
inline constexpr Xapian::termcount kTitleWdf = 8;
// The same for a word of one of its section headings (Metadata::outline:
// "Điều 5. ...", "II. ..."). On bench/search-eval --from heading (queries
// of heading words that other passages' texts also hold; tuned on print
// and scan-21, 47 queries), words typed plain ranked their passage first
// 0.242/0.143 of the time with no heading weight; weighing every heading
// of the outline, 0.606/0.429 with 2, 0.727/0.500 with 4, 0.758/0.500
// with 8 (scan-120, not tuned on: 0.310, 0.534, 0.603, 0.655), queries
// from the text losing a little from 2 on (print words plain 0.986 ->
// 0.972), more at 8 (0.959). See weighs_as_heading for which weigh.
inline constexpr Xapian::termcount kHeadingWdf = 4;
// Whether a heading of the outline weighs so: a numbered item ("1. ...")
// only when it is at most kMaxNumberedHeadingBytes long, since a longer
// one is the first line of a legal text's clause ("2. Báo cáo đề xuất chủ
// trương đầu tư đối với ..."). Weighing those too cost queries from the
// text (search-eval words plain ranked first, scan-21 0.881 -> 0.864,
// scan-120 0.913 -> 0.907) and queries of heading words (0.818 / 0.643 /
// 0.724 with this rule, 0.727 / 0.500 / 0.603 without).
inline constexpr size_t kMaxNumberedHeadingBytes = 60;
bool weighs_as_heading(std::string_view heading);

// Restored tokens below this confidence have their other likely readings
// indexed at their position (store::ReadingAlternatives).
inline constexpr float kAlternativesBelow = 0.99f;

// The reference lists of a model directory (doc/reference_lists.hpp):
// its gazetteer.tsv and names.tsv, each null when the directory lacks it
// (models made before it): those values are then kept as written. With
// `restorer`, which must outlive the data, names are read from their OCR
// by its channel, and recipients OCR split over lines by it. Throws
// std::runtime_error naming the file when one is malformed.
struct ReferenceData {
  std::unique_ptr<doc::Gazetteer> places;
  std::unique_ptr<doc::PersonNames> names;
  std::unique_ptr<doc::OcrLikelihood> ocr_likelihood;
  std::unique_ptr<doc::PhraseRestorer> restore_phrase;
  doc::ReferenceLists lists() const { return {places.get(), names.get(), ocr_likelihood.get(), restore_phrase.get()}; }
};
ReferenceData load_reference_lists(const std::filesystem::path& model_dir, const restore::Restorer* restorer = nullptr);

// Fills record.metadata and record.citations from searchable_text(record),
// whose tokens are given or worked out; `refs` read damaged places and
// names (doc::extract_metadata).
void extract_document_facts(store::DocumentRecord& record, doc::ReferenceLists refs);
void extract_document_facts(store::DocumentRecord& record, const std::vector<vi::Token>& tokens,
                            doc::ReferenceLists refs);

// Fills record.restored, record.low_confidence and record.alternatives from
// record.text.
void restore_record(const restore::Restorer& restorer, store::DocumentRecord& record);

// The whole parallel stage for one file; `restorer` may be null (index the
// text as it is). A text over store::kChunkTextBytes is stored in chunks and
// worked a chunk at a time (index/chunked_document.hpp). Never throws: every
// failure is reported in the result.
PreparedDocument prepare_document(const io::SourceEntry& source, io::SourceBytes read,
                                  const store::FrameCompressor& compressor, const restore::Restorer* restorer,
                                  doc::ReferenceLists refs);

// The same for a file whose content is already indexed under another path:
// `record` is that document's record, reused under the new path without
// decoding or restoring anything again.
PreparedDocument reuse_document(const io::SourceEntry& source, store::DocumentRecord record,
                                const store::FrameCompressor& compressor);
// The same, reading the record at `where`: a record in chunks keeps its
// chunk frames as they are and is read a chunk at a time.
PreparedDocument reuse_document(const io::SourceEntry& source, const store::SidecarReader& reader,
                                const store::SidecarLocation& where, const store::FrameCompressor& compressor);

// What indexing stores about one file's content, for showing it without an
// index (`vnindex extract`): the record prepare_document makes (decoded,
// restored when `restorer` is given, in chunks when long), read back from
// its frame, so that the values are exactly those an index would hold.
struct DocumentFacts {
  bool ok = false;
  std::string error;   // why the file could not be read as text, when !ok
  std::string damage;  // what of the bytes was read around, or ""
  std::string title;
  doc::Metadata metadata;
  std::vector<doc::Citation> citations;  // in a long (chunked) text, each cited document once
};
DocumentFacts document_facts(const io::SourceEntry& source, io::SourceBytes read, const restore::Restorer* restorer,
                             doc::ReferenceLists refs);

}  // namespace vn::index
