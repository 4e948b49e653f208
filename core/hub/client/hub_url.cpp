#include "core/hub/client/hub_client_config.h"

#include "core/util/errors.h"

namespace ridgeline::hub {

HubAddress parseHubUrl(const std::string& url) {
  const std::string scheme = "https://";
  if (url.rfind("http://", 0) == 0)
    throw UsageError("the hub URL must use https:// (" + url + "): hub traffic is always TLS-verified");
  if (url.rfind(scheme, 0) != 0) throw UsageError("the hub URL must look like https://HOST:PORT, not '" + url + "'");
  std::string rest = url.substr(scheme.size());
  if (!rest.empty() && rest.back() == '/') rest.pop_back();
  if (rest.find('/') != std::string::npos || rest.find('@') != std::string::npos || rest.empty())
    throw UsageError("the hub URL must be https://HOST:PORT without a path or user, not '" + url + "'");
  HubAddress a;
  std::string portText;
  if (rest.front() == '[') {
    const auto close = rest.find(']');
    if (close == std::string::npos) throw UsageError("unclosed [ in the hub URL '" + url + "'");
    a.host = rest.substr(1, close - 1);
    if (close + 1 < rest.size()) {
      if (rest[close + 1] != ':') throw UsageError("unexpected text after ] in the hub URL '" + url + "'");
      portText = rest.substr(close + 2);
    }
  } else {
    const auto colon = rest.rfind(':');
    a.host = rest.substr(0, colon);
    if (colon != std::string::npos) portText = rest.substr(colon + 1);
  }
  if (a.host.empty()) throw UsageError("the hub URL '" + url + "' has no host");
  if (!portText.empty()) {
    if (portText.size() > 5 || portText.find_first_not_of("0123456789") != std::string::npos || std::stoi(portText) < 1 ||
        std::stoi(portText) > 65535)
      throw UsageError("the port in the hub URL '" + url + "' must be 1-65535");
    a.port = std::stoi(portText);
  }
  return a;
}

}  // namespace ridgeline::hub
