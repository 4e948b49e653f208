// ridgeline-hub: reference implementation of the hub protocol, for demos,
// training rooms and tests.
#include <iostream>
#include <string>
#include <vector>

#include "core/util/errors.h"
#include "core/util/library_versions.h"
#include "core/util/memory_policy.h"
#include "hub_commands.h"

using namespace ridgeline;

namespace {

void printHelp(std::ostream& out) {
  out << "Usage: ridgeline-hub --state DIR --listen HOST:PORT [--demo]\n"
         "       ridgeline-hub decisions --state DIR\n"
         "       ridgeline-hub --version | --help\n\n"
         "Reference biometric hub speaking Ridgeline's hub protocol v1 over HTTPS\n"
         "(docs/hub-protocol.md). The first start in DIR creates ca.pem (give it to\n"
         "desks as --ca), a server certificate for HOST, and examiner.token,\n"
         "verifier.token, supervisor.token. --demo seeds the demo searches of\n"
         "resources/demo into an empty hub. Requests are logged to DIR/requests.log.\n"
         "Stops on SIGINT/SIGTERM.\n";
}

int run(const std::vector<std::string>& args) {
  for (const auto& a : args) {
    if (a == "--help" || a == "-h") return printHelp(std::cout), 0;
    if (a == "--version") {
      std::cout << "ridgeline-hub " << ridgelineVersion() << "\n";
      for (const auto& [name, version] : coreLibraryVersions()) std::cout << "  " << name << " " << version << "\n";
      return 0;
    }
  }
  if (args.empty()) return printHelp(std::cerr), 2;
  if (args.front() == "decisions") return hubapp::decisions({args.begin() + 1, args.end()});
  return hubapp::serve(args);
}

}  // namespace

int main(int argc, char** argv) {
  keepFreedMemoryForReuse();  // image work (core/util/memory_policy.h)
  try {
    return run({argv + 1, argv + argc});
  } catch (const Error& e) {
    std::cerr << "ridgeline-hub: " << e.what() << "\n";
    return exitCodeFor(e.kind());
  } catch (const std::exception& e) {
    std::cerr << "ridgeline-hub: unexpected failure: " << e.what() << "\n";
    return 3;
  }
}
