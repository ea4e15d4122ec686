#include "index/document_builder.hpp"

#include <atomic>
#include <optional>
#include <unordered_set>

#include "doc/citations.hpp"
#include "doc/metadata.hpp"
#include "doc/title.hpp"
#include "index/chunked_document.hpp"
#include "restore/restorer.hpp"
#include "store/content_hash.hpp"
#include "store/frame_codec.hpp"
#include "store/record.hpp"
#include "store/fields.hpp"
#include "store/schema.hpp"
#include "store/text_chunk.hpp"
#include "store/postings.hpp"
#include "decode/decode.hpp"
#include "text/normalize.hpp"
#include "vi/fold.hpp"
#include "vi/tokenizer.hpp"

namespace vn::index {

bool make_record(const io::SourceEntry& source, std::string bytes, store::DocumentRecord& record, std::string& error,
                 std::string& damage) {
  record.path = source.path;
  record.bytes = bytes.size();
  record.mtime = source.mtime;
  record.content_hash = store::content_hash(bytes);
  decode::DecodeResult decoded = decode::decode_text(std::move(bytes));
  if (!decoded.ok) {
    error = std::move(decoded.error);
    return false;
  }
  damage = decoded.damage.describe();
  record.encoding = std::move(decoded.source_encoding);
  record.text = std::move(decoded.text);
  record.title = doc::title_of(record.text);
  return true;
}

namespace {

void add_term(Xapian::Document& doc, const std::string& term) {
  if (!term.empty()) doc.add_boolean_term(term);
}

// Boolean terms and value slots for filtering, sorting and facets.
void add_metadata(Xapian::Document& doc, const store::DocumentRecord& record) {
  namespace schema = store::schema;
  namespace fields = store::fields;
  const doc::Metadata& m = record.metadata;
  add_term(doc, fields::type_term(m.type));
  add_term(doc, fields::code_term(m.code));
  for (const std::string& term : fields::issuer_terms(m.issuer)) add_term(doc, term);
  if (!m.issuer.empty()) doc.add_value(schema::kSlotIssuer, m.issuer);
  if (const std::string year = fields::date_year(m.date); !year.empty()) {
    add_term(doc, fields::year_term(year));
    doc.add_value(schema::kSlotDate, fields::date_slot_value(m.date));
    doc.add_value(schema::kSlotYear, year);
  }
  if (!m.type.empty()) doc.add_value(schema::kSlotType, m.type);
  std::unordered_set<std::string_view> cited;  // a document cites one code many times
  for (const doc::Citation& c : record.citations)
    if (cited.insert(c.code).second) add_term(doc, fields::cites_term(c.code));
}

}  // namespace

const std::string& searchable_text(const store::DocumentRecord& record) {
  return record.restored ? *record.restored : record.text;
}

namespace {

std::vector<vi::Token> tokens_of(const std::string& text) {
  std::vector<vi::Token> tokens;
  vi::tokenize(text, tokens);
  return tokens;
}

}  // namespace

Xapian::Document make_xapian_document(const store::DocumentRecord& record) {
  return make_xapian_document(record, tokens_of(searchable_text(record)));
}

bool weighs_as_heading(std::string_view heading) {
  const bool numbered = !heading.empty() && heading[0] >= '0' && heading[0] <= '9';
  return !numbered || heading.size() <= kMaxNumberedHeadingBytes;
}

Xapian::Document make_xapian_document(const store::DocumentRecord& record, const std::vector<vi::Token>& tokens) {
  Xapian::Document doc;
  store::add_text_postings(doc, searchable_text(record), tokens, 0, record.alternatives);
  // A document with a type line has a real title ("<type> <subject>"), not
  // just a first line: its words weigh as kTitleWdf more occurrences;
  // those of its section headings as kHeadingWdf more.
  if (!record.metadata.type.empty()) store::add_title_terms(doc, record.title, kTitleWdf);
  for (const auto& [heading, level] : record.metadata.outline)
    if (weighs_as_heading(heading)) store::add_title_terms(doc, heading, kHeadingWdf);
  add_record_fields(doc, record);
  return doc;
}

void add_record_fields(Xapian::Document& doc, const store::DocumentRecord& record) {
  doc.add_boolean_term(store::schema::id_term(record.path));
  add_metadata(doc, record);
  doc.add_value(store::schema::kSlotSize, Xapian::sortable_serialise(static_cast<double>(record.bytes)));
  doc.add_value(store::schema::kSlotMtime, Xapian::sortable_serialise(static_cast<double>(record.mtime)));
  doc.add_value(store::schema::kSlotPath, record.path);
}

namespace {

// log10 P(ocr | syllable) by the restorer's channel (doc::OcrLikelihood),
// for the name reader, which scores many names against one OCR word in a
// row: each thread keeps the scorer of the last word it was asked about,
// so the word's emissions are computed once (ChannelModel::Scorer). The
// channel must outlive every copy.
class ChannelLikelihood {
 public:
  explicit ChannelLikelihood(const restore::ChannelModel& channel) : channel_(&channel), id_(next_id()) {}

  float operator()(std::u32string_view ocr, std::u32string_view syllable) const {
    thread_local uint64_t scorer_id = 0;  // the id_ of the instance the scorer is for
    thread_local std::u32string scorer_ocr;
    thread_local std::optional<restore::ChannelModel::Scorer> scorer;
    if (!scorer || scorer_id != id_ || scorer_ocr != ocr) {
      scorer.emplace(*channel_, ocr);
      scorer_ocr.assign(ocr);
      scorer_id = id_;
    }
    return scorer->log_prob(syllable);
  }

 private:
  // Unique per instance (copies share it), never 0: a new channel at a
  // freed one's address is never taken for it.
  static uint64_t next_id() {
    static std::atomic<uint64_t> next{0};
    return ++next;
  }

  const restore::ChannelModel* channel_;
  uint64_t id_;
};

}  // namespace

ReferenceData load_reference_lists(const std::filesystem::path& model_dir, const restore::Restorer* restorer) {
  ReferenceData data;
  if (restorer) {
    data.ocr_likelihood = std::make_unique<doc::OcrLikelihood>(ChannelLikelihood(restorer->channel()));
    data.restore_phrase = std::make_unique<doc::PhraseRestorer>(
        [restorer](std::string_view ocr) { return restorer->restore(ocr, 0.0f).text; });
  }
  std::error_code ec;
  if (const auto file = model_dir / "gazetteer.tsv"; std::filesystem::exists(file, ec))
    data.places = std::make_unique<doc::Gazetteer>(doc::Gazetteer::load(file));
  if (const auto file = model_dir / "names.tsv"; std::filesystem::exists(file, ec))
    data.names = std::make_unique<doc::PersonNames>(doc::PersonNames::load(file));
  return data;
}

void extract_document_facts(store::DocumentRecord& record, doc::ReferenceLists refs) {
  extract_document_facts(record, tokens_of(searchable_text(record)), refs);
}

void extract_document_facts(store::DocumentRecord& record, const std::vector<vi::Token>& tokens,
                            doc::ReferenceLists refs) {
  const std::string& text = searchable_text(record);
  record.metadata = doc::extract_metadata(text, refs, record.restored ? std::string_view(record.text) : std::string_view());
  record.citations = doc::extract_citations(text, tokens);
}

void restore_record(const restore::Restorer& restorer, store::DocumentRecord& record) {
  restore::RestoredText r = restorer.restore(record.text, kAlternativesBelow);
  for (restore::RestoredToken& t : r.tokens) {
    if (t.confidence < kLowConfidence) record.low_confidence.push_back({t.offset, t.length, t.restored, t.confidence});
    // The OCR token itself is a reading too, where its letters differ: a
    // name or foreign word the restorer made Vietnamese ("Chuang" -> "Thương").
    if (t.original.find(' ') == std::string::npos && vi::fold(t.original) != vi::fold(t.restored))
      t.alternatives.push_back(text::to_lower(t.original));
    if (!t.alternatives.empty()) record.alternatives.push_back({t.restored_offset, std::move(t.alternatives)});
  }
  record.restored = std::move(r.text);
}

namespace {

// Fills the index side of `out` from a finished record.
void finish(store::DocumentRecord& record, const std::vector<vi::Token>& tokens, const store::FrameCompressor& compressor,
            PreparedDocument& out) {
  out.document = make_xapian_document(record, tokens);
  out.id_term = store::schema::id_term(record.path);
  out.title = record.title;
  out.content_hash = record.content_hash;
  out.frames.frames.assign(1, compressor.compress(store::encode_record(record)));
  out.ok = true;
}

}  // namespace

PreparedDocument prepare_document(const io::SourceEntry& source, io::SourceBytes read,
                                  const store::FrameCompressor& compressor, const restore::Restorer* restorer,
                                  doc::ReferenceLists refs) {
  PreparedDocument out;
  out.source = source;
  if (!read.ok) {
    out.error = std::move(read.error);
    return out;
  }
  out.bytes = read.bytes.size();
  try {
    store::DocumentRecord record;
    if (!make_record(source, std::move(read.bytes), record, out.error, out.damage)) return out;
    if (record.text.size() > store::kChunkTextBytes) {
      prepare_chunked(std::move(record), restorer, refs, compressor, out);
      return out;
    }
    if (restorer) {
      restore_record(*restorer, record);
      record.title = doc::title_of(*record.restored);
    }
    const std::vector<vi::Token> tokens = tokens_of(searchable_text(record));
    extract_document_facts(record, tokens, refs);
    finish(record, tokens, compressor, out);
  } catch (const std::exception& e) {
    out.error = e.what();
  }
  return out;
}

PreparedDocument reuse_document(const io::SourceEntry& source, store::DocumentRecord record,
                                const store::FrameCompressor& compressor) {
  PreparedDocument out;
  out.source = source;
  out.bytes = record.bytes;
  try {
    record.path = source.path;
    record.mtime = source.mtime;
    finish(record, tokens_of(searchable_text(record)), compressor, out);
  } catch (const std::exception& e) {
    out.error = e.what();
  }
  return out;
}

PreparedDocument reuse_document(const io::SourceEntry& source, const store::SidecarReader& reader,
                                const store::SidecarLocation& where, const store::FrameCompressor& compressor) {
  store::RecordHead head;
  try {
    head = reader.read_head(where);
  } catch (const std::exception& e) {
    PreparedDocument out;
    out.source = source;
    out.error = e.what();
    return out;
  }
  if (head.record.chunks.empty()) return reuse_document(source, std::move(head.record), compressor);
  PreparedDocument out;
  out.source = source;
  out.bytes = head.record.bytes;
  try {
    reuse_chunked(source, std::move(head), reader, compressor, out);
  } catch (const std::exception& e) {
    out.ok = false;
    out.error = e.what();
  }
  return out;
}

DocumentFacts document_facts(const io::SourceEntry& source, io::SourceBytes read, const restore::Restorer* restorer,
                             doc::ReferenceLists refs) {
  DocumentFacts facts;
  // The fastest level: the frame is read back at once and thrown away.
  static const store::FrameCompressor compressor(1, std::string());
  PreparedDocument prepared = prepare_document(source, std::move(read), compressor, restorer, refs);
  facts.damage = std::move(prepared.damage);
  if (!prepared.ok) {
    facts.error = std::move(prepared.error);
    return facts;
  }
  try {
    // No dictionary: the directory is never looked in.
    const store::FrameDecompressor decompressor{std::filesystem::path()};
    store::DocumentRecord record = store::decode_record(decompressor.decompress(prepared.frames.frames.front()));
    facts.title = std::move(record.title);
    facts.metadata = std::move(record.metadata);
    facts.citations = std::move(record.citations);
    facts.ok = true;
  } catch (const std::exception& e) {
    facts.error = e.what();
  }
  return facts;
}

}  // namespace vn::index
