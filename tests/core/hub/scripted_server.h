#pragma once
// A TLS server on 127.0.0.1 that answers whatever the test scripts: a hub
// that stalls, lies, cuts answers short or rate-limits. It uses the real
// listener and a CA of its own, so the client's TLS path is the real one.
#include <QTemporaryDir>

#include <atomic>
#include <functional>
#include <memory>

#include "core/hub/client/hub_client.h"
#include "core/hub/server/https_listener.h"
#include "core/hub/tls/hub_tls_files.h"

namespace hubtest {

class ScriptedServer {
 public:
  using Script = std::function<void(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse&, int call)>;

  // tls: the files to serve with; default a fresh CA and a certificate for 127.0.0.1.
  explicit ScriptedServer(Script script, std::optional<ridgeline::hub::HubTlsFiles> tls = std::nullopt) : script_(std::move(script)) {
    tls_ = tls ? *tls : ridgeline::hub::ensureHubTlsFiles(dir_.path().toStdString(), "127.0.0.1");
    listener_ = std::make_unique<ridgeline::hub::HttpsListener>(
        ridgeline::hub::HttpsListenerOptions{{"127.0.0.1", 0}, tls_, 4, 5},
        [this](auto& request, auto& response) { script_(request, response, ++calls_); });
  }
  ~ScriptedServer() { listener_->stop(); }

  ridgeline::hub::HubClientConfig clientConfig() const {
    ridgeline::hub::HubClientConfig c;
    c.url = "https://127.0.0.1:" + std::to_string(listener_->port());
    c.caFile = caFile();
    c.token = "rh1_scripted-test-token";
    c.connectTimeout = std::chrono::milliseconds(2000);
    c.readTimeout = std::chrono::milliseconds(2000);
    c.retry.maxAttempts = 3;
    c.retry.baseDelay = std::chrono::milliseconds(10);
    return c;
  }
  std::filesystem::path caFile() const { return std::filesystem::path(dir_.path().toStdString()) / "ca.pem"; }
  int calls() const { return calls_; }

  static void reply(Poco::Net::HTTPServerResponse& r, int status, const std::string& body,
                    const std::string& type = "application/json") {
    r.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    r.setContentType(type);
    r.setContentLength(static_cast<std::streamsize>(body.size()));
    r.send() << body;
  }

 private:
  QTemporaryDir dir_;
  Script script_;
  ridgeline::hub::HubTlsFiles tls_;
  std::atomic<int> calls_{0};
  std::unique_ptr<ridgeline::hub::HttpsListener> listener_;
};

}  // namespace hubtest
