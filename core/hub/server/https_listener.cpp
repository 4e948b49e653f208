#include "core/hub/server/https_listener.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/ThreadPool.h>

#include "core/hub/tls/ssl_library.h"
#include "core/util/errors.h"

namespace ridgeline::hub {
namespace {

class CallbackHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit CallbackHandler(const RequestHandler& handler) : handler_(handler) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
    handler_(request, response);
  }

 private:
  const RequestHandler& handler_;
};

class CallbackFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit CallbackFactory(RequestHandler handler) : handler_(std::move(handler)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new CallbackHandler(handler_);
  }

 private:
  RequestHandler handler_;
};

}  // namespace

ListenAddress parseListenAddress(const std::string& text) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size())
    throw UsageError("--listen needs HOST:PORT (e.g. 127.0.0.1:8443), not '" + text + "'");
  ListenAddress a;
  a.host = text.substr(0, colon);
  if (a.host.size() > 2 && a.host.front() == '[' && a.host.back() == ']') a.host = a.host.substr(1, a.host.size() - 2);
  const std::string port = text.substr(colon + 1);
  if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) > 65535)
    throw UsageError("--listen port must be a number from 0 to 65535, not '" + port + "'");
  a.port = std::stoi(port);
  return a;
}

struct HttpsListener::Impl {
  Poco::ThreadPool pool;
  std::unique_ptr<Poco::Net::HTTPServer> server;
  int port = 0;
  bool running = false;
  Impl(int threads) : pool(2, threads + 1) {}
};

HttpsListener::HttpsListener(const HttpsListenerOptions& options, RequestHandler handler)
    : impl_(std::make_unique<Impl>(options.threads)) {
  ensureSslInitialized();
  try {
    Poco::Net::Context::Ptr context = new Poco::Net::Context(
        Poco::Net::Context::TLS_SERVER_USE, options.tls.serverPrivateKey.string(), options.tls.serverCertificate.string(),
        "", Poco::Net::Context::VERIFY_NONE, 9, false, kCipherList);
    context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
    Poco::Net::SecureServerSocket socket(Poco::Net::SocketAddress(options.address.host, static_cast<Poco::UInt16>(options.address.port)),
                                         64, context);
    impl_->port = socket.address().port();
    auto params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(options.threads);
    params->setMaxQueued(256);
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(options.idleTimeoutSeconds, 0));
    params->setTimeout(Poco::Timespan(options.idleTimeoutSeconds, 0));
    impl_->server = std::make_unique<Poco::Net::HTTPServer>(new CallbackFactory(std::move(handler)), impl_->pool, socket, params);
    impl_->server->start();
    impl_->running = true;
  } catch (const Poco::Exception& e) {
    throw RemoteError("cannot listen on " + options.address.host + ":" + std::to_string(options.address.port) + ": " +
                      e.displayText() + " (is the port in use, or the address not on this machine?)");
  }
}

HttpsListener::~HttpsListener() { stop(); }

int HttpsListener::port() const { return impl_->port; }

void HttpsListener::stop() {
  if (!impl_->running) return;
  impl_->running = false;
  impl_->server->stopAll(true);
  impl_->pool.joinAll();
}

}  // namespace ridgeline::hub
