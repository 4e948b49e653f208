// `ridgeline-hub --state DIR --listen HOST:PORT [--demo]`: runs the reference
// hub until SIGINT or SIGTERM.
#include <csignal>
#include <iostream>

#include "core/hub/server/reference_hub.h"
#include "core/util/errors.h"
#include "hub_commands.h"

namespace ridgeline::hubapp {

Options parseOptions(const std::vector<std::string>& args, bool serving) {
  Options o;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
      return args[++i];
    };
    if (a == "--state") o.state = value();
    else if (serving && a == "--listen") o.listen = value();
    else if (serving && a == "--demo") o.demo = true;
    else if (serving && a == "--threads") {
      const std::string n = value();
      if (n.empty() || n.size() > 3 || n.find_first_not_of("0123456789") != std::string::npos || std::stoi(n) < 1 || std::stoi(n) > 256)
        throw UsageError("--threads needs a number from 1 to 256");
      o.threads = std::stoi(n);
    } else throw UsageError("unknown option " + a);
  }
  if (o.state.empty()) throw UsageError("--state DIR is required");
  if (serving && o.listen.empty()) throw UsageError("--listen HOST:PORT is required (e.g. 127.0.0.1:8443)");
  return o;
}

int serve(const std::vector<std::string>& args) {
  const Options o = parseOptions(args, true);
  // Block the stop signals before any thread starts, so all threads inherit
  // the mask and only sigwait below receives them.
  sigset_t stopSignals;
  sigemptyset(&stopSignals);
  sigaddset(&stopSignals, SIGINT);
  sigaddset(&stopSignals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

  hub::ReferenceHubOptions options;
  options.stateDir = o.state;
  options.listen = o.listen;
  options.demo = o.demo;
  options.threads = o.threads;
  auto server = hub::ReferenceHub::start(options);
  const auto& c = server->connection();
  std::cout << "ridgeline-hub: listening on " << c.url << "\n"
            << "  CA certificate:   " << c.caFile.string() << "\n"
            << "  certificate pin:  " << c.serverCertificateSha256 << "\n"
            << "  tokens:           " << c.tokenFile("examiner").string() << " (and verifier, supervisor)\n"
            << "  request log:      " << (c.stateDir / "requests.log").string() << "\n";
  if (o.demo) {
    std::cout << "  demo: " << server->demoReport().queued.size() << " searches queued, "
              << server->demoReport().answered.size() << " answered by the hub (at or above threshold)\n";
  }
  std::cout.flush();
  int signal = 0;
  sigwait(&stopSignals, &signal);
  std::cout << "ridgeline-hub: stopping (signal " << signal << ")\n";
  server->stop();
  return 0;
}

}  // namespace ridgeline::hubapp
