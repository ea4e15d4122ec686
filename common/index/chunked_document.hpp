// Documents whose text is over store::kChunkTextBytes: stored as a record
// in chunks (store/record.hpp) and worked a chunk at a time, so that the
// memory a document takes is bounded by a few times its text, not by
// everything derived from it at once (no token list of the whole text, no
// record of it in one JSON string).
#pragma once
#include "index/document_builder.hpp"

namespace vn::index {

// Fills `out` (frames, Xapian document, chunk starts, title, hash, id)
// from `record`, decoded and not yet restored. The text is cut where
// restore::restore_in_pieces cuts it; each piece is restored on its own and
// becomes a chunk frame at once. Metadata and title come from the whole
// searchable text, as for other documents; citations and postings from
// each chunk in turn, positions running on across chunks (the header lists
// each cited document once). Throws on failure.
void prepare_chunked(store::DocumentRecord record, const restore::Restorer* restorer, doc::ReferenceLists refs,
                     const store::FrameCompressor& compressor, PreparedDocument& out);

// Fills `out` for `source`, whose content is that of the record in chunks
// `head`: a new header for the new path, the chunk frames copied as they
// are, postings read a chunk at a time. Throws on failure.
void reuse_chunked(const io::SourceEntry& source, store::RecordHead head, const store::SidecarReader& reader,
                   const store::FrameCompressor& compressor, PreparedDocument& out);

}  // namespace vn::index
