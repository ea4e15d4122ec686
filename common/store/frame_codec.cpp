#include "store/frame_codec.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <zstd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace vn::store {

std::string dictionary_file_name(unsigned id) { return "dict-" + std::to_string(id) + ".zdict"; }

size_t frame_length(std::string_view bytes) {
  const size_t n = ZSTD_findFrameCompressedSize(bytes.data(), bytes.size());
  return ZSTD_isError(n) ? 0 : n;
}

// ---- compression ----

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
  const size_t n = impl_->cdict
                       ? ZSTD_compress_usingCDict(cctx, out.data(), out.size(), payload.data(), payload.size(), impl_->cdict)
                       : ZSTD_compressCCtx(cctx, out.data(), out.size(), payload.data(), payload.size(), impl_->level);
  if (ZSTD_isError(n)) throw std::runtime_error(std::string("zstd compression failed: ") + ZSTD_getErrorName(n));
  out.resize(n);
  out.shrink_to_fit();  // the bound is far above what compressed text needs
  return out;
}

// ---- decompression ----

struct FrameDecompressor::Impl {
  std::filesystem::path dir;
  mutable std::mutex mutex;
  mutable std::map<unsigned, ZSTD_DDict*> ddicts;

  struct Context {
    ZSTD_DCtx* dctx = ZSTD_createDCtx();
    ~Context() { ZSTD_freeDCtx(dctx); }
  };
  mutable tbb::enumerable_thread_specific<Context> contexts;

  const ZSTD_DDict* ddict(unsigned id) const {
    std::lock_guard lock(mutex);
    if (auto it = ddicts.find(id); it != ddicts.end()) return it->second;
    const auto path = dir / dictionary_file_name(id);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("missing sidecar dictionary " + path.string());
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string bytes = ss.str();
    ZSTD_DDict* d = ZSTD_createDDict(bytes.data(), bytes.size());
    if (!d) throw std::runtime_error("corrupt sidecar dictionary " + path.string());
    ddicts.emplace(id, d);
    return d;
  }

  ~Impl() {
    for (auto& [id, d] : ddicts) ZSTD_freeDDict(d);
  }
};

FrameDecompressor::FrameDecompressor(std::filesystem::path dir) : impl_(std::make_unique<Impl>()) {
  impl_->dir = std::move(dir);
}

FrameDecompressor::~FrameDecompressor() = default;

std::string FrameDecompressor::decompress(std::string_view frame, size_t max_bytes) const {
  const size_t frame_size = ZSTD_findFrameCompressedSize(frame.data(), frame.size());
  if (ZSTD_isError(frame_size) || frame_size != frame.size())
    throw std::runtime_error("sidecar frame is truncated or corrupt");
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
