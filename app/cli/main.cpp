// ridgeline-cli: the headless workstation. Exit codes (DESIGN.md section 8):
// 0 success, 1 the input or request is wrong, 2 usage, 3 remote/environment.
#include <exception>
#include <iostream>

#include "command_registry.h"
#include "core/util/errors.h"
#include "core/util/library_versions.h"
#include "core/util/memory_policy.h"

using namespace ridgeline;

namespace {

void printHelp(std::ostream& out) {
  out << "Usage: ridgeline-cli [--profile DIR] COMMAND [ARGS...]\n"
         "       ridgeline-cli --version | --help | help COMMAND\n\n"
         "Ridgeline's headless workstation: formats, matcher, store and hub sync.\n"
         "Exit codes: 0 success, 1 input or request wrong, 2 usage, 3 hub or environment.\n\n"
         "Commands:\n";
  for (const auto& [name, command] : cli::CommandRegistry::instance().all())
    out << "  " << command.synopsis << "\n      " << command.summary << "\n";
}

void printVersion(std::ostream& out) {
  out << "ridgeline-cli " << ridgelineVersion() << "\n";
  for (const auto& [name, version] : coreLibraryVersions()) out << "  " << name << " " << version << "\n";
}

int run(std::vector<std::string> args) {
  std::string profile;
  while (!args.empty() && args.front().rfind("--", 0) == 0) {
    if (args.front() == "--help" || args.front() == "-h") return printHelp(std::cout), 0;
    if (args.front() == "--version") return printVersion(std::cout), 0;
    if (args.front() == "--profile") {
      if (args.size() < 2) throw UsageError("--profile needs a folder");
      profile = args[1];
      args.erase(args.begin(), args.begin() + 2);
      continue;
    }
    throw UsageError("unknown option " + args.front());
  }
  if (args.empty()) return printHelp(std::cerr), 2;
  if (args.front() == "help") {
    args.erase(args.begin());
    size_t consumed = 0;
    if (auto* c = cli::CommandRegistry::instance().find(args, consumed))
      return std::cout << "Usage: ridgeline-cli " << c->synopsis << "\n" << c->summary << "\n", 0;
    return printHelp(std::cout), 0;
  }
  size_t consumed = 0;
  const cli::Command* command = cli::CommandRegistry::instance().find(args, consumed);
  if (!command) throw UsageError("unknown command '" + args.front() + "' (try --help)");
  cli::Context context{{args.begin() + static_cast<long>(consumed), args.end()}, profile, std::cout, std::cerr};
  for (const auto& a : context.args)
    if (a == "--help" || a == "-h")
      return std::cout << "Usage: ridgeline-cli " << command->synopsis << "\n" << command->summary << "\n", 0;
  return command->run(context);
}

}  // namespace

int main(int argc, char** argv) {
  keepFreedMemoryForReuse();  // image work (core/util/memory_policy.h)
  try {
    return run({argv + 1, argv + argc});
  } catch (const Error& e) {
    std::cerr << "ridgeline-cli: " << e.what() << "\n";
    if (e.kind() == ErrorKind::Usage) std::cerr << "Try 'ridgeline-cli --help'.\n";
    return exitCodeFor(e.kind());
  } catch (const std::exception& e) {
    // Anything not classified is treated as an environment failure, never a crash.
    std::cerr << "ridgeline-cli: unexpected failure: " << e.what() << "\n";
    return 3;
  }
}
