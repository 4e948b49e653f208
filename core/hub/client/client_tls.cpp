#include "core/hub/client/client_tls.h"

#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <Poco/Delegate.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/VerificationErrorArgs.h>

#include <algorithm>
#include <filesystem>
#include <mutex>

#include "core/hub/tls/ssl_library.h"
#include "core/util/errors.h"
#include "core/util/hex.h"

namespace ridgeline::hub {
namespace {

thread_local std::optional<int> tlsVerifyError;

// Poco asks this listener when OpenSSL rejects a certificate; it only takes
// note and never overrides the rejection.
struct VerificationListener {
  void onError(const void*, Poco::Net::VerificationErrorArgs& args) {
    if (!tlsVerifyError) tlsVerifyError = args.errorNumber();
    args.setIgnoreError(false);
  }
};

void installListener() {
  static VerificationListener listener;
  static std::once_flag once;
  std::call_once(once, [] {
    Poco::Net::SSLManager::instance().ClientVerificationError += Poco::delegate(&listener, &VerificationListener::onError);
  });
}

std::string normalizedPin(std::string pin) {
  pin.erase(std::remove(pin.begin(), pin.end(), ':'), pin.end());
  std::transform(pin.begin(), pin.end(), pin.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return pin;
}

bool isIpAddress(const std::string& host) {
  ASN1_OCTET_STRING* ip = a2i_IPADDRESS(host.c_str());
  if (!ip) return false;
  ASN1_OCTET_STRING_free(ip);
  return true;
}

std::string trustSource(const HubClientConfig& config) {
  return config.caFile.empty() ? "the system's trust store" : "the configured CA (" + config.caFile.string() + ")";
}

}  // namespace

Poco::Net::Context::Ptr makeClientContext(const HubClientConfig& config) {
  ensureSslInitialized();
  installListener();
  if (!config.caFile.empty() && !std::filesystem::is_regular_file(config.caFile))
    throw InputError("the CA file " + config.caFile.string() + " does not exist (check --ca)");
  if (!config.pinSha256.empty()) {
    const std::string pin = normalizedPin(config.pinSha256);
    if (pin.size() != 64 || !fromHex(pin)) throw UsageError("the certificate pin must be a SHA-256 in hex (64 digits, colons allowed)");
  }
  try {
    // VERIFY_STRICT: chain and host name are checked; VERIFY_RELAXED would skip the name on loopback.
    Poco::Net::Context::Ptr context = new Poco::Net::Context(
        Poco::Net::Context::TLS_CLIENT_USE, "", "", config.caFile.string(), Poco::Net::Context::VERIFY_STRICT, 9,
        config.caFile.empty(), kCipherList);
    context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
    return context;
  } catch (const Poco::Exception& e) {
    throw InputError("cannot use the CA file " + config.caFile.string() + ": " + e.displayText() + " (check --ca: a PEM certificate)");
  }
}

void clearLastVerificationError() { tlsVerifyError.reset(); }
std::optional<int> lastVerificationError() { return tlsVerifyError; }

std::string describeTlsFailure(const HubClientConfig& config, const std::string& host, std::optional<int> verifyError,
                               const std::string& library) {
  const std::string prefix = "TLS: ";
  if (verifyError) {
    switch (*verifyError) {
      case X509_V_ERR_CERT_HAS_EXPIRED:
        return prefix + "the hub's certificate has expired (" + library + "). The hub's operator must renew it; check the clocks too.";
      case X509_V_ERR_CERT_NOT_YET_VALID:
        return prefix + "the hub's certificate is not valid yet (" + library + "). Check this computer's clock and the hub's.";
      case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
      case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
      case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
      case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
      case X509_V_ERR_CERT_SIGNATURE_FAILURE:
      case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
        return prefix + "the hub's certificate is not signed by " + trustSource(config) + " (" +
               X509_verify_cert_error_string(*verifyError) + "). Check --ca: it must be the CA file of this hub.";
      case X509_V_ERR_HOSTNAME_MISMATCH:
      case X509_V_ERR_IP_ADDRESS_MISMATCH:
        return prefix + "the hub's certificate is not issued for " + host +
               ". Use the host name on its certificate in --hub, or have the certificate re-issued for this address.";
      default:
        return prefix + "the hub's certificate was rejected: " + X509_verify_cert_error_string(*verifyError) + " (" + library +
               "). Check --ca and the hub's certificate.";
    }
  }
  if (library.find("Unacceptable certificate") != std::string::npos)
    return prefix + "the hub's certificate is not issued for " + host +
           ". Use the host name on its certificate in --hub, or have the certificate re-issued for this address.";
  return prefix + "the secure connection to " + host + " failed (" + library +
         "). Check that --hub points at the hub's HTTPS port and that it speaks TLS 1.2 or newer.";
}

void checkPeerCertificate(const void* x509, const HubClientConfig& config, const std::string& host) {
  X509* cert = const_cast<X509*>(static_cast<const X509*>(x509));
  // Own host check, standards-correct (IP SANs), beside Poco's (DNS SANs and CN).
  const bool named = isIpAddress(host) ? X509_check_ip_asc(cert, host.c_str(), 0) == 1
                                       : X509_check_host(cert, host.c_str(), host.size(), 0, nullptr) == 1;
  if (!named)
    throw RemoteError(describeTlsFailure(config, host, X509_V_ERR_HOSTNAME_MISMATCH, ""));
  if (config.pinSha256.empty()) return;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (!X509_digest(cert, EVP_sha256(), digest, &size)) throw RemoteError("TLS: cannot hash the hub's certificate for the pin check");
  const std::string actual = toHex(std::span<const std::uint8_t>(digest, size));
  if (actual != normalizedPin(config.pinSha256))
    throw RemoteError("TLS: the hub's certificate (SHA-256 " + actual + ") does not match the pinned certificate (" +
                      normalizedPin(config.pinSha256) +
                      "). Nothing was sent. If the hub's certificate was renewed on purpose, update the pin; otherwise report it.");
}

}  // namespace ridgeline::hub
