#include "core/util/memory_policy.h"

#include <cstdlib>  // defines __GLIBC__ where it applies

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace ridgeline {

void keepFreedMemoryForReuse() {
#if defined(__GLIBC__)
  // Setting either fixes it: glibc no longer raises them on its own.
  mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 128 * 1024 * 1024);
#endif
}

}  // namespace ridgeline
