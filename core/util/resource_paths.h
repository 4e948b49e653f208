#pragma once
// Finds installed resources (demo cases, face models, reference score sets)
// whether Ridgeline runs from the build tree, an installed .deb, or with
// RIDGELINE_DATA_DIR pointing elsewhere.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ridgeline {

// Candidate roots in the order they are searched: $RIDGELINE_DATA_DIR,
// <exe>/../share/ridgeline, the configured install dir, the source tree's
// resources/ folder.
std::vector<std::filesystem::path> resourceRoots();

// The first existing `relative` below a resource root, or nullopt.
std::optional<std::filesystem::path> findResource(const std::filesystem::path& relative);

}  // namespace ridgeline
