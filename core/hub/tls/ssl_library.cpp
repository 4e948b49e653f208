#include "core/hub/tls/ssl_library.h"

#include <Poco/Net/SSLManager.h>

#include <csignal>
#include <mutex>

namespace ridgeline::hub {

void ensureSslInitialized() {
  static std::once_flag once;
  // Never uninitialised: contexts may live until static destruction.
  std::call_once(once, [] {
    Poco::Net::initializeSSL();
    // OpenSSL writes to sockets with write(2): a peer that hung up would raise
    // SIGPIPE and kill the desk or the hub. Ignored, the write fails with EPIPE
    // and becomes an ordinary, reported network error.
    std::signal(SIGPIPE, SIG_IGN);
  });
}

}  // namespace ridgeline::hub
