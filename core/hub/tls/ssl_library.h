#pragma once
// Poco's SSL layer must be initialised once per process before any context is
// made; the reference hub, the client and the tests all call this.
namespace ridgeline::hub {

void ensureSslInitialized();

// OpenSSL cipher list both sides use: forward-secret AEAD suites only (TLS 1.2),
// TLS 1.3 suites are always on. TLS below 1.2 is refused.
inline constexpr const char* kCipherList = "ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL:!MD5:!RC4:!3DES";

}  // namespace ridgeline::hub
