#include "restore/lm_format.hpp"

#include <xxhash.h>

#include <new>

namespace vn::restore {

uint64_t lm_checksum(const unsigned char* file, size_t bytes) {
  XXH3_state_t* state = XXH3_createState();
  if (state == nullptr) throw std::bad_alloc();
  XXH3_64bits_reset(state);
  XXH3_64bits_update(state, file, offsetof(LmHeader, checksum));
  XXH3_64bits_update(state, file + sizeof(LmHeader), bytes - sizeof(LmHeader));
  const uint64_t sum = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return sum;
}

}  // namespace vn::restore
