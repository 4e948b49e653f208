#include "core/util/resource_paths.h"

#include <cstdlib>

namespace ridgeline {

// An installed program finds its data beside itself (<prefix>/bin/ridgeline
// -> <prefix>/share/ridgeline), whatever prefix the package was built for.
static std::optional<std::filesystem::path> besideExecutable() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return std::nullopt;
  return exe.parent_path().parent_path() / "share" / "ridgeline";
}

std::vector<std::filesystem::path> resourceRoots() {
  std::vector<std::filesystem::path> roots;
  if (const char* env = std::getenv("RIDGELINE_DATA_DIR"); env && *env) roots.emplace_back(env);
  if (auto beside = besideExecutable()) roots.push_back(*beside);
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
