#include "core/hub/tls/hub_tls_files.h"

#include <chrono>
#include <fstream>
#include <sstream>

#include "core/hub/tls/certificate_factory.h"
#include "core/util/errors.h"

namespace ridgeline::hub {
namespace fs = std::filesystem;

namespace {
constexpr int kCaDays = 3650;
constexpr int kServerDays = 397;  // the longest lifetime browsers accept for a server certificate

bool serverCertificateUsable(const fs::path& cert, const fs::path& key, const std::string& host) {
  if (!fs::exists(cert) || !fs::exists(key)) return false;
  try {
    const std::string pem = readTextFile(cert);
    const auto tomorrow = std::chrono::system_clock::now() + std::chrono::hours(24);
    return certificateNamesHost(pem, host) && certificateValidAt(pem, tomorrow);
  } catch (const InputError&) {
    return false;  // damaged: issue a new one
  }
}
}  // namespace

std::string readTextFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void writeTextFileAtomically(const fs::path& path, const std::string& text, bool secret) {
  const fs::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw RemoteError("cannot write " + tmp.string() + " (check the folder's permissions)");
    if (secret) fs::permissions(tmp, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    out << text;
    if (!out.flush()) throw RemoteError("cannot write " + tmp.string() + " (disk full?)");
  }
  fs::rename(tmp, path);
}

HubTlsFiles ensureHubTlsFiles(const fs::path& stateDir, const std::string& listenHost) {
  fs::create_directories(stateDir);
  HubTlsFiles files{stateDir / "ca.pem", stateDir / "server.pem", stateDir / "server-key.pem"};
  const fs::path caKey = stateDir / "ca-key.pem";
  if (!fs::exists(files.caCertificate) || !fs::exists(caKey)) {
    const PemPair ca = createCertificateAuthority("Ridgeline reference hub CA (" + stateDir.filename().string() + ")", kCaDays);
    writeTextFileAtomically(caKey, ca.privateKeyPem, true);
    writeTextFileAtomically(files.caCertificate, ca.certificatePem, false);
  }
  if (!serverCertificateUsable(files.serverCertificate, files.serverPrivateKey, listenHost)) {
    const PemPair ca{readTextFile(files.caCertificate), readTextFile(caKey)};
    const PemPair server = issueCertificate(serverSpecFor(listenHost, kServerDays), ca);
    writeTextFileAtomically(files.serverPrivateKey, server.privateKeyPem, true);
    writeTextFileAtomically(files.serverCertificate, server.certificatePem, false);
  }
  return files;
}

}  // namespace ridgeline::hub
