#pragma once
// The reference hub's TLS files in its state folder. Made on first start and
// kept: ca.pem (what clients trust, --ca), ca-key.pem, server.pem and
// server-key.pem (the certificate for the listen host). The server
// certificate is re-issued from the same CA when it no longer names the
// listen host or is about to expire, so clients keep trusting ca.pem.
#include <filesystem>
#include <string>

namespace ridgeline::hub {

struct HubTlsFiles {
  std::filesystem::path caCertificate;
  std::filesystem::path serverCertificate;
  std::filesystem::path serverPrivateKey;
};

HubTlsFiles ensureHubTlsFiles(const std::filesystem::path& stateDir, const std::string& listenHost);

// Reads a whole (small) file; InputError naming the path when it cannot.
std::string readTextFile(const std::filesystem::path& path);
// Writes via a temporary file and a rename; owner-only permissions when secret.
void writeTextFileAtomically(const std::filesystem::path& path, const std::string& text, bool secret);

}  // namespace ridgeline::hub
