#pragma once
// The two things ridgeline-hub does: serve protocol v1, or print the
// decisions a state folder has received.
#include <string>
#include <vector>

namespace ridgeline::hubapp {

int serve(const std::vector<std::string>& args);      // --state DIR --listen HOST:PORT [--demo] [--threads N]
int decisions(const std::vector<std::string>& args);  // --state DIR

// Value of --name in args, or empty; UsageError for a missing value or unknown option.
struct Options {
  std::string state, listen;
  bool demo = false;
  int threads = 16;
};
Options parseOptions(const std::vector<std::string>& args, bool serving);

}  // namespace ridgeline::hubapp
