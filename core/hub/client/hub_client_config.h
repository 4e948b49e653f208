#pragma once
// How a desk reaches its hub: the URL, whom to trust (a CA file, or the
// system store when none is given), an optional certificate pin, the bearer
// token, timeouts and retries. There is deliberately no way to turn TLS
// verification off.
#include <chrono>
#include <filesystem>
#include <string>

#include "core/hub/client/retry_policy.h"

namespace ridgeline::hub {

struct HubClientConfig {
  std::string url;               // https://HOST:PORT
  std::filesystem::path caFile;  // PEM; empty = the system's trust store
  std::string pinSha256;         // hex SHA-256 of the hub's certificate (colons allowed); empty = no pin
  std::string token;             // bearer token
  std::chrono::milliseconds connectTimeout{5000};
  std::chrono::milliseconds readTimeout{20000};
  RetryPolicy retry;
};

struct HubAddress {
  std::string host;
  int port = 443;
};

// Accepts https://HOST[:PORT][/]; UsageError naming the problem otherwise
// (http:// is refused: the hub is only spoken to over verified TLS).
HubAddress parseHubUrl(const std::string& url);

}  // namespace ridgeline::hub
