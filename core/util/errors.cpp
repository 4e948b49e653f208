#include "core/util/errors.h"

namespace ridgeline {

int exitCodeFor(ErrorKind kind) noexcept {
  switch (kind) {
    case ErrorKind::Input: return 1;
    case ErrorKind::Usage: return 2;
    case ErrorKind::Remote: return 3;
    case ErrorKind::Cancelled: return 1;
  }
  return 1;
}

}  // namespace ridgeline
