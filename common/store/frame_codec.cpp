#include "store/frame_codec.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <zdict.h>
#include <zstd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace vn::store {

std::string dictionary_file_name(unsigned id) { return "dict-" + std::to_string(id) + ".zdict"; }

unsigned dictionary_id(std::string_view bytes) {
  const unsigned id = ZDICT_getDictID(bytes.data(), bytes.size());
  if (id == 0) return 0;
  ZSTD_DDict* loaded = ZSTD_createDDict(bytes.data(), bytes.size());  // fails when its tables are damaged
  ZSTD_freeDDict(loaded);
  return loaded ? id : 0;
}

size_t frame_length(std::string_view bytes) {
  const size_t n = ZSTD_findFrameCompressedSize(bytes.data(), bytes.size());
  return ZSTD_isError(n) ? 0 : n;
}

// ---- compression ----

namespace {

// `payload` as one frame into `out` (ZSTD_compressBound bytes), against
// `cdict` when not null (which then sets the level), else at `level`. The
// frame holds its content size (for the reader's buffer), a checksum (to
// find damage) and the dictionary's id (to find the dictionary). Returns
// the frame's size or a zstd error code.
size_t compress_frame(ZSTD_CCtx* cctx, const ZSTD_CDict* cdict, int level, std::string& out, std::string_view payload) {
  ZSTD_CCtx_reset(cctx, ZSTD_reset_session_and_parameters);
  if (cdict) ZSTD_CCtx_refCDict(cctx, cdict);
  else ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, level);
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
  return ZSTD_compress2(cctx, out.data(), out.size(), payload.data(), payload.size());
}

}  // namespace

struct FrameCompressor::Impl {
  int level;
  std::string dictionary;
  ZSTD_CDict* cdict = nullptr;
  unsigned dict_id = 0;

  struct Context {
    ZSTD_CCtx* cctx = ZSTD_createCCtx();
    ~Context() { ZSTD_freeCCtx(cctx); }
  };
  mutable tbb::enumerable_thread_specific<Context> contexts;
};

FrameCompressor::FrameCompressor(int level, std::string dictionary) : impl_(std::make_unique<Impl>()) {
  impl_->level = level;
  impl_->dictionary = std::move(dictionary);
  if (!impl_->dictionary.empty()) {
    // Other bytes would make a "raw content" dictionary with id 0: frames
    // no reader could decompress.
    if (store::dictionary_id(impl_->dictionary) == 0) throw std::runtime_error("invalid zstd dictionary");
    impl_->cdict = ZSTD_createCDict(impl_->dictionary.data(), impl_->dictionary.size(), level);
    if (!impl_->cdict) throw std::runtime_error("invalid zstd dictionary");
    impl_->dict_id = ZSTD_getDictID_fromCDict(impl_->cdict);
  }
}

FrameCompressor::~FrameCompressor() { ZSTD_freeCDict(impl_->cdict); }

unsigned FrameCompressor::dictionary_id() const { return impl_->dict_id; }

std::string FrameCompressor::compress(std::string_view payload) const {
  ZSTD_CCtx* cctx = impl_->contexts.local().cctx;
  std::string out(ZSTD_compressBound(payload.size()), '\0');
  const size_t n = compress_frame(cctx, impl_->cdict, impl_->level, out, payload);
  if (ZSTD_isError(n)) throw std::runtime_error(std::string("zstd compression failed: ") + ZSTD_getErrorName(n));
  out.resize(n);
  out.shrink_to_fit();  // the bound is far above what compressed text needs
  return out;
}

// ---- decompression ----

struct FrameDecompressor::Impl {
  DictionaryLoader load;
  mutable std::mutex mutex;
  mutable std::map<unsigned, ZSTD_DDict*> ddicts;

  struct Context {
    ZSTD_DCtx* dctx = ZSTD_createDCtx();
    ~Context() { ZSTD_freeDCtx(dctx); }
  };
  mutable tbb::enumerable_thread_specific<Context> contexts;
  // For check(): streaming keeps parameters (a referenced dictionary) that
  // must not leak into decompress(), so it has contexts of its own.
  mutable tbb::enumerable_thread_specific<Context> check_contexts;

  const ZSTD_DDict* ddict(unsigned id) const {
    std::lock_guard lock(mutex);
    if (auto it = ddicts.find(id); it != ddicts.end()) return it->second;
    const std::string bytes = load(id);
    // zstd takes any bytes as a "raw content" dictionary: check the id first.
    ZSTD_DDict* d = dictionary_id(bytes) == id ? ZSTD_createDDict(bytes.data(), bytes.size()) : nullptr;
    if (!d) throw std::runtime_error("corrupt sidecar dictionary " + dictionary_file_name(id));
    ddicts.emplace(id, d);
    return d;
  }

  ~Impl() {
    for (auto& [id, d] : ddicts) ZSTD_freeDDict(d);
  }
};

FrameDecompressor::FrameDecompressor(std::filesystem::path dir)
    : FrameDecompressor([dir = std::move(dir)](unsigned id) {
        const auto path = dir / dictionary_file_name(id);
        std::ifstream in(path, std::ios::binary);
        if (!in) throw std::runtime_error("missing sidecar dictionary " + path.string());
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
      }) {}

FrameDecompressor::FrameDecompressor(DictionaryLoader load) : impl_(std::make_unique<Impl>()) {
  impl_->load = std::move(load);
}

FrameDecompressor::~FrameDecompressor() = default;

namespace {

// Throws unless `frame` is exactly one whole zstd frame (its block headers
// walk to its end).
void check_whole_frame(std::string_view frame) {
  const size_t length = frame_length(frame);  // 0: not a frame
  if (length == 0 || length != frame.size()) throw std::runtime_error("sidecar frame is truncated or corrupt");
}

}  // namespace

void FrameDecompressor::check(std::string_view frame) const {
  check_whole_frame(frame);
  ZSTD_DCtx* dctx = impl_->check_contexts.local().dctx;
  ZSTD_DCtx_reset(dctx, ZSTD_reset_session_and_parameters);
  if (const unsigned id = ZSTD_getDictID_fromFrame(frame.data(), frame.size()))
    ZSTD_DCtx_refDDict(dctx, impl_->ddict(id));
  char sink[64 << 10];
  ZSTD_inBuffer in{frame.data(), frame.size(), 0};
  size_t left = 1;  // bytes the frame still needs, as zstd hints; 0 once it ended (checksum checked)
  while (left != 0) {
    ZSTD_outBuffer out{sink, sizeof sink, 0};
    left = ZSTD_decompressStream(dctx, &out, &in);
    if (ZSTD_isError(left))
      throw std::runtime_error(std::string("sidecar frame does not decompress: ") + ZSTD_getErrorName(left));
    if (left != 0 && in.pos == in.size && out.pos == 0) throw std::runtime_error("sidecar frame is truncated or corrupt");
  }
}

std::string FrameDecompressor::decompress(std::string_view frame, size_t max_bytes) const {
  check_whole_frame(frame);
  const unsigned long long content = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (content == ZSTD_CONTENTSIZE_ERROR || content == ZSTD_CONTENTSIZE_UNKNOWN)
    throw std::runtime_error("sidecar frame has no content size");
  if (content > max_bytes) throw std::runtime_error("sidecar frame is larger than allowed");
  std::string out(content, '\0');
  ZSTD_DCtx* dctx = impl_->contexts.local().dctx;
  const unsigned id = ZSTD_getDictID_fromFrame(frame.data(), frame.size());
  const size_t n = id ? ZSTD_decompress_usingDDict(dctx, out.data(), out.size(), frame.data(), frame.size(), impl_->ddict(id))
                      : ZSTD_decompressDCtx(dctx, out.data(), out.size(), frame.data(), frame.size());
  if (ZSTD_isError(n)) throw std::runtime_error(std::string("sidecar frame does not decompress: ") + ZSTD_getErrorName(n));
  if (n != content) throw std::runtime_error("sidecar frame decompressed to an unexpected size");
  return out;
}

}  // namespace vn::store
