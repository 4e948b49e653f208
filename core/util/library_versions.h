#pragma once
// Versions of the libraries core/ links, for --version and the About dialog.
#include <string>
#include <utility>
#include <vector>

namespace ridgeline {

using NamedVersion = std::pair<std::string, std::string>;
std::vector<NamedVersion> coreLibraryVersions();
std::string ridgelineVersion();

}  // namespace ridgeline
