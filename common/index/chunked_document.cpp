#include "index/chunked_document.hpp"

#include <unordered_set>

#include "doc/citations.hpp"
#include "doc/metadata.hpp"
#include "doc/title.hpp"
#include "restore/restorer.hpp"
#include "store/fields.hpp"
#include "store/postings.hpp"
#include "store/schema.hpp"
#include "store/text_chunk.hpp"
#include "vi/tokenizer.hpp"

namespace vn::index {
namespace {

// A record in chunks lists each cited document once (its first citation),
// and at most this many: its header is read for every hit, and a huge text
// may cite without end (the samples on one 100 MB line cite 460k times).
// Every cited code still becomes a cites: term.
constexpr size_t kMaxListedCitations = 10000;

// Frees the memory of `s` (assigning an empty string keeps it).
void release(std::string& s) { std::string().swap(s); }

// Where one chunk's text lies in the searchable text.
struct Piece {
  size_t begin = 0, length = 0;
};

// The chunk of `text` at `at`, `length` bytes, restored when there is a
// restorer (its uncertain tokens at offsets in the whole text).
store::TextChunk make_chunk(std::string_view text, size_t at, size_t length, const restore::Restorer* restorer) {
  store::TextChunk chunk;
  chunk.text.assign(text.substr(at, length));
  if (!restorer) return chunk;
  restore::RestoredText r = restorer->restore(chunk.text, kLowConfidence);
  for (const restore::RestoredToken& t : r.tokens)
    chunk.low_confidence.push_back({static_cast<uint32_t>(t.offset + at), t.length, t.restored, t.confidence});
  chunk.restored = std::move(r.text);
  return chunk;
}

// Cuts record.text into chunks, restores each and compresses it into
// `frames` (after the header's place). Fills record.restored with the
// whole restored text and record.chunks with the frames' sizes; returns
// where each chunk lies in the searchable text.
std::vector<Piece> write_chunks(store::DocumentRecord& record, const restore::Restorer* restorer,
                                const store::FrameCompressor& compressor, std::vector<std::string>& frames) {
  const std::string_view text = record.text;
  // Restored OCR text gains diacritics: up to about 1.4 times the bytes.
  if (restorer) record.restored.emplace().reserve(text.size() + text.size() / 2);
  std::vector<Piece> pieces;
  for (size_t at = 0; at < text.size();) {
    const size_t length = restore::piece_end(text.substr(at), store::kChunkTextBytes);
    const store::TextChunk chunk = make_chunk(text, at, length, restorer);
    if (restorer) {
      pieces.push_back({record.restored->size(), chunk.restored->size()});
      record.restored->append(*chunk.restored);
    } else {
      pieces.push_back({at, length});
    }
    frames.push_back(compressor.compress(store::encode_text_chunk(chunk)));
    record.chunks.push_back({frames.back().size(), 0});
    at += length;
  }
  return pieces;
}

// The citations of one chunk: cites: terms, and the ones the header lists.
void add_citations(std::vector<doc::Citation> found, Xapian::Document& doc, store::DocumentRecord& record,
                   std::unordered_set<std::string>& listed) {
  for (doc::Citation& c : found) {
    doc.add_boolean_term(store::fields::cites_term(c.code));
    if (record.citations.size() < kMaxListedCitations && listed.insert(c.key).second)
      record.citations.push_back(std::move(c));
  }
}

// Postings and citations of the searchable text, a chunk at a time;
// fills record.chunks[i].positions_before and `chunk_starts`.
void index_chunks(store::DocumentRecord& record, const std::vector<Piece>& pieces, Xapian::Document& doc,
                  std::vector<uint32_t>& chunk_starts) {
  const std::string_view text = searchable_text(record);
  const auto own_number_line = doc::number_line_span(text);
  std::unordered_set<std::string> listed;
  std::vector<vi::Token> tokens;
  Xapian::termpos pos = 0;
  for (size_t i = 0; i < pieces.size(); ++i) {
    tokens.clear();
    vi::tokenize(text.substr(pieces[i].begin, pieces[i].length), tokens);
    for (vi::Token& t : tokens) t.offset += static_cast<uint32_t>(pieces[i].begin);
    record.chunks[i].positions_before = pos;
    chunk_starts.push_back(pos);
    pos = store::add_text_postings(doc, text, tokens, pos);
    add_citations(doc::extract_citations(text, tokens, own_number_line), doc, record, listed);
  }
}

// The header frame first, then `out`'s other fields from the finished header.
void finish_chunked(const store::DocumentRecord& header, const store::FrameCompressor& compressor,
                    PreparedDocument& out) {
  add_record_fields(out.document, header);
  out.frames.frames.front() = compressor.compress(store::encode_record(header));
  out.id_term = store::schema::id_term(header.path);
  out.title = header.title;
  out.content_hash = header.content_hash;
  out.ok = true;
}

}  // namespace

void prepare_chunked(store::DocumentRecord record, const restore::Restorer* restorer, doc::ReferenceLists refs,
                     const store::FrameCompressor& compressor, PreparedDocument& out) {
  out.frames.frames.assign(1, std::string());  // the header's place
  const std::vector<Piece> pieces = write_chunks(record, restorer, compressor, out.frames.frames);
  if (restorer) {
    release(record.text);  // in the chunks now; what is read from here on is the restored text
    record.title = doc::title_of(*record.restored);
  }
  record.metadata = doc::extract_metadata(searchable_text(record), refs);
  index_chunks(record, pieces, out.document, out.chunk_starts);
  // The header holds no text: "" marks a restored document.
  release(record.text);
  if (record.restored) release(*record.restored);
  finish_chunked(record, compressor, out);
}

void reuse_chunked(const io::SourceEntry& source, store::RecordHead head, const store::SidecarReader& reader,
                   const store::FrameCompressor& compressor, PreparedDocument& out) {
  store::DocumentRecord& header = head.record;
  header.path = source.path;
  header.mtime = source.mtime;
  std::vector<vi::Token> tokens;
  for (size_t i = 0; i < header.chunks.size(); ++i) {
    const store::TextChunk chunk = reader.read_chunk(head, i);
    const std::string& text = chunk.restored ? *chunk.restored : chunk.text;
    tokens.clear();
    vi::tokenize(text, tokens);
    store::add_text_postings(out.document, text, tokens, header.chunks[i].positions_before);
    out.chunk_starts.push_back(header.chunks[i].positions_before);
  }
  out.frames.frames = {std::string(), reader.read_chunk_frames(head)};
  finish_chunked(header, compressor, out);
}

}  // namespace vn::index
