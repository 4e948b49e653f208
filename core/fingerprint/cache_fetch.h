#pragma once
// Asking for memory to be brought into cache ahead of its use.
#include <cstddef>

namespace ridgeline::fingerprint {

// Asks for the cache lines of [data, data + size) to be fetched, without
// waiting for them; kLocality as __builtin_prefetch's (3: keep in every
// level). A loop of prefetches alone has no effect the language sees, and
// GCC 12 deletes it (the matcher's geometry fetch was missing from the
// 67d376d binary): the empty asm statement, which the compiler must keep,
// keeps each prefetch.
template <int kLocality = 3>
inline void fetchIntoCache(const void* data, std::size_t size) {
  constexpr std::size_t kCacheLine = 64;
  const char* bytes = static_cast<const char*>(data);
  for (std::size_t at = 0; at < size; at += kCacheLine) {
    __builtin_prefetch(bytes + at, 0, kLocality);
    asm volatile("" : : "r"(bytes + at));
  }
}

}  // namespace ridgeline::fingerprint
