#include "machine_info.h"

#include <fstream>
#include <iostream>
#include <thread>

#include "core/util/library_versions.h"

namespace ridgeline::bench {

static std::string firstMatch(const char* path, const std::string& key) {
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(key, 0) == 0) {
      auto colon = line.find(':');
      return colon == std::string::npos ? line : line.substr(colon + 2);
    }
  return "unknown";
}

std::string machineDescription() {
  std::string s = "cpu: " + firstMatch("/proc/cpuinfo", "model name");
  s += "; cores: " + std::to_string(std::thread::hardware_concurrency());
  s += "; memory: " + firstMatch("/proc/meminfo", "MemTotal");
#if defined(__clang__)
  s += "; compiler: clang " __clang_version__;
#elif defined(__GNUC__)
  s += "; compiler: gcc " __VERSION__;
#endif
#ifdef NDEBUG
  s += "; optimised build";
#else
  s += "; DEBUG build (figures not representative)";
#endif
  return s;
}

void printMachineHeader(const std::string& benchmarkName) {
  std::cout << "# " << benchmarkName << " — Ridgeline " << ridgelineVersion() << "\n# " << machineDescription()
            << "\n";
}

}  // namespace ridgeline::bench
