#pragma once
#include <string>

namespace ridgeline::store {

// A random RFC 4122 version-4 UUID from OpenSSL's CSPRNG: the client-made key
// that lets the hub recognise a retried submission.
std::string newIdempotencyKey();

}  // namespace ridgeline::store
