#include "core/util/resource_paths.h"

#include <cstdlib>

namespace ridgeline {

std::vector<std::filesystem::path> resourceRoots() {
  std::vector<std::filesystem::path> roots;
  if (const char* env = std::getenv("RIDGELINE_DATA_DIR"); env && *env) roots.emplace_back(env);
  roots.emplace_back(RIDGELINE_INSTALLED_DATA);
  roots.emplace_back(RIDGELINE_SOURCE_RESOURCES);
  return roots;
}

std::optional<std::filesystem::path> findResource(const std::filesystem::path& relative) {
  std::error_code ec;
  for (const auto& root : resourceRoots()) {
    auto candidate = root / relative;
    if (std::filesystem::exists(candidate, ec)) return candidate;
  }
  return std::nullopt;
}

}  // namespace ridgeline
