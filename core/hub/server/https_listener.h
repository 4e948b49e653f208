#pragma once
// An HTTPS server on Poco's HTTPServer: a TLS server socket on host:port
// (port 0 = any free port) with the given certificate and key, a private
// thread pool so several servers in one process (tests, the GUI's demo) do
// not starve each other, and a handler called for every request.
#include <functional>
#include <memory>
#include <string>

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include "core/hub/tls/hub_tls_files.h"

namespace ridgeline::hub {

using RequestHandler = std::function<void(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse&)>;

struct ListenAddress {
  std::string host;
  int port = 0;
};
// "HOST:PORT" (IPv6 as "[::1]:PORT"); UsageError naming the text when malformed.
ListenAddress parseListenAddress(const std::string& text);

struct HttpsListenerOptions {
  ListenAddress address;
  HubTlsFiles tls;
  int threads = 16;
  int idleTimeoutSeconds = 15;  // keep-alive connections idle longer than this are closed
};

class HttpsListener {
 public:
  HttpsListener(const HttpsListenerOptions& options, RequestHandler handler);
  ~HttpsListener();  // stops and waits for the worker threads
  HttpsListener(const HttpsListener&) = delete;
  HttpsListener& operator=(const HttpsListener&) = delete;

  int port() const;  // the bound port (the chosen one when 0 was asked for)
  void stop();       // stops accepting and aborts open connections

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ridgeline::hub
