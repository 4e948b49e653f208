#include "core/hub/server/reference_hub.h"

#include "core/hub/server/https_listener.h"
#include "core/hub/server/hub_api.h"
#include "core/hub/server/hub_tokens.h"
#include "core/hub/server/request_log.h"
#include "core/hub/tls/certificate_factory.h"
#include "core/hub/tls/hub_tls_files.h"
#include "core/util/errors.h"

namespace ridgeline::hub {

struct ReferenceHub::Impl {
  HubConnection connection;
  std::unique_ptr<HubDatabase> database;
  std::unique_ptr<RequestLog> log;
  std::unique_ptr<HubApi> api;
  std::unique_ptr<HttpsListener> listener;
  DemoSeedReport demo;
};

ReferenceHub::ReferenceHub() : impl_(std::make_unique<Impl>()) {}
ReferenceHub::~ReferenceHub() { stop(); }

std::unique_ptr<ReferenceHub> ReferenceHub::start(const std::filesystem::path& stateDir, const std::string& listen, bool demo) {
  ReferenceHubOptions options;
  options.stateDir = stateDir;
  options.listen = listen;
  options.demo = demo;
  return start(options);
}

std::unique_ptr<ReferenceHub> ReferenceHub::start(const ReferenceHubOptions& options) {
  if (options.stateDir.empty()) throw UsageError("the hub needs a state folder (--state DIR)");
  const ListenAddress address = parseListenAddress(options.listen);
  if (address.host == "0.0.0.0" || address.host == "::")
    throw UsageError("--listen needs the address clients will use (its certificate names it), not the wildcard " + address.host);
  std::filesystem::create_directories(options.stateDir);

  std::unique_ptr<ReferenceHub> hub(new ReferenceHub());
  Impl& d = *hub->impl_;
  const HubTlsFiles tls = ensureHubTlsFiles(options.stateDir, address.host);
  HubTokens tokens = HubTokens::loadOrCreate(options.stateDir);
  d.database = std::make_unique<HubDatabase>(options.stateDir);
  if (options.demo && d.database->caseCount() == 0)
    d.demo = seedDemoCases(*d.database, options.demoDir.empty() ? demoResourceDir() : options.demoDir);

  d.connection.caFile = tls.caCertificate;
  d.connection.serverCertificateSha256 = certificateSha256(readTextFile(tls.serverCertificate));
  d.connection.tokens = tokens.byRole();
  d.connection.stateDir = options.stateDir;
  d.log = std::make_unique<RequestLog>(options.stateDir / "requests.log");
  d.api = std::make_unique<HubApi>(*d.database, std::move(tokens), *d.log);
  HubApi* api = d.api.get();
  d.listener = std::make_unique<HttpsListener>(HttpsListenerOptions{address, tls, options.threads},
                                               [api](auto& request, auto& response) { api->handle(request, response); });
  const std::string host = address.host.find(':') != std::string::npos ? "[" + address.host + "]" : address.host;
  d.connection.url = "https://" + host + ":" + std::to_string(d.listener->port());
  writeTextFileAtomically(options.stateDir / "hub.url", d.connection.url + "\n", false);
  return hub;
}

const HubConnection& ReferenceHub::connection() const { return impl_->connection; }
HubDatabase& ReferenceHub::database() { return *impl_->database; }
const DemoSeedReport& ReferenceHub::demoReport() const { return impl_->demo; }
long long ReferenceHub::requestCount() const { return impl_->log ? impl_->log->count() : 0; }

void ReferenceHub::stop() {
  if (impl_ && impl_->listener) impl_->listener->stop();
}

}  // namespace ridgeline::hub
