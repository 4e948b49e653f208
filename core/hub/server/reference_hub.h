#pragma once
// The reference hub, in-process: what `ridgeline-hub` runs, what the GUI's
// --demo starts on loopback, and what the tests talk to over real HTTPS.
//
//   auto hub = ReferenceHub::start(stateDir, "127.0.0.1:0", /*demo=*/true);
//   HubClient client(hub->connection().clientConfig("examiner"));
//
// First start in a state folder makes the CA, the server certificate for the
// listen host, the role tokens and the SQLite state; later starts reuse them
// (demo cases are seeded only into an empty hub).
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "core/hub/server/demo_catalog.h"
#include "core/hub/server/hub_database.h"

namespace ridgeline::hub {

struct ReferenceHubOptions {
  std::filesystem::path stateDir;
  std::string listen = "127.0.0.1:0";  // port 0: any free port
  bool demo = false;
  std::filesystem::path demoDir;  // empty: resources/demo via findResource
  int threads = 16;
};

// Everything a client needs to reach this hub.
struct HubConnection {
  std::string url;                                 // https://HOST:PORT
  std::filesystem::path caFile;                    // STATE/ca.pem
  std::string serverCertificateSha256;             // for pinning
  std::map<std::string, std::string> tokens;       // role -> bearer token
  std::filesystem::path stateDir;
  std::filesystem::path tokenFile(const std::string& role) const { return stateDir / (role + ".token"); }
};

class ReferenceHub {
 public:
  static std::unique_ptr<ReferenceHub> start(const ReferenceHubOptions& options);
  static std::unique_ptr<ReferenceHub> start(const std::filesystem::path& stateDir, const std::string& listen, bool demo);
  ~ReferenceHub();

  const HubConnection& connection() const;
  HubDatabase& database();
  const DemoSeedReport& demoReport() const;
  long long requestCount() const;  // requests served since start
  void stop();                     // idempotent; the destructor calls it

 private:
  ReferenceHub();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ridgeline::hub
