#include "core/hub/tls/ssl_library.h"

#include <Poco/Net/SSLManager.h>

#include <mutex>

namespace ridgeline::hub {

void ensureSslInitialized() {
  static std::once_flag once;
  // Never uninitialised: contexts may live until static destruction.
  std::call_once(once, [] { Poco::Net::initializeSSL(); });
}

}  // namespace ridgeline::hub
