// Which chunk of a record in chunks (store/record.hpp) a snippet is made
// from, found from the index alone so that only that chunk is read.
#pragma once
#include <xapian.h>

#include <cstdint>
#include <vector>

#include "query/query_parser.hpp"

namespace vn::query {

// The chunk holding the most distinct query words (ties: the earlier), by
// the positions of the words' folded terms in document `id`; 0 when none holds
// any. `chunk_starts` is store::DocumentData::chunk_starts. Each word
// costs one position list, read up to one position per chunk: the cost
// grows with the number of chunks, not with the document's text.
// Throws Xapian::Error as the database does.
size_t snippet_chunk(const Xapian::Database& db, Xapian::docid id, const std::vector<uint32_t>& chunk_starts,
                     const std::vector<QueryWord>& words);

}  // namespace vn::query
