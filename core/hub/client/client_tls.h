#pragma once
// The client side of TLS: a VERIFY_STRICT context trusting the configured CA
// file (or the system store), the checks made on every new connection before
// any request (and so the token) is sent — host name, optional pin — and
// translation of OpenSSL's verdicts into messages that say what to do.
#include <optional>
#include <string>

#include <Poco/Net/Context.h>

#include "core/hub/client/hub_client_config.h"

namespace ridgeline::hub {

Poco::Net::Context::Ptr makeClientContext(const HubClientConfig& config);

// Records the certificate verification error OpenSSL reported during the
// current thread's handshake, so a failed handshake can be explained.
void clearLastVerificationError();
std::optional<int> lastVerificationError();

// A RemoteError message for a TLS failure; verifyError from lastVerificationError().
std::string describeTlsFailure(const HubClientConfig& config, const std::string& host, std::optional<int> verifyError,
                               const std::string& library);

// Checks the connected peer's certificate (X509*) names host and matches the pin.
// Throws RemoteError saying what to do.
void checkPeerCertificate(const void* x509, const HubClientConfig& config, const std::string& host);

}  // namespace ridgeline::hub
