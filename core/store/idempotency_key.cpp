#include "core/store/idempotency_key.h"

#include <openssl/rand.h>

#include <array>
#include <cstdint>

#include "core/util/errors.h"
#include "core/util/hex.h"

namespace ridgeline::store {

std::string newIdempotencyKey() {
  std::array<std::uint8_t, 16> b{};
  if (RAND_bytes(b.data(), static_cast<int>(b.size())) != 1) throw RemoteError("the system random generator failed");
  b[6] = static_cast<std::uint8_t>((b[6] & 0x0f) | 0x40);  // version 4
  b[8] = static_cast<std::uint8_t>((b[8] & 0x3f) | 0x80);  // RFC 4122 variant
  const std::string h = toHex(b);
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20);
}

}  // namespace ridgeline::store
