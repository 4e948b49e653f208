#include "core/face/face_models.h"

#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include "core/util/resource_paths.h"
#include "core/util/sha256.h"

namespace ridgeline::face {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> candidateDirs(const std::optional<fs::path>& dir) {
  if (dir) return {*dir};
  std::vector<fs::path> dirs;
  for (const auto& root : resourceRoots()) dirs.push_back(root / "models");
  return dirs;
}

std::string joined(const std::vector<fs::path>& dirs) {
  std::string out;
  for (const auto& d : dirs) out += (out.empty() ? "" : ", ") + d.string();
  return out;
}

// "HASH  NAME" lines as written by sha256sum.
std::map<std::string, std::string> readSums(const fs::path& file) {
  std::map<std::string, std::string> sums;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string hash, name;
    if (fields >> hash >> name) sums[name.starts_with('*') ? name.substr(1) : name] = hash;
  }
  return sums;
}

ModelFile checkedModel(const fs::path& dir, const std::string& name) {
  const fs::path path = dir / name;
  ModelFile model{path, sha256FileHex(path.string())};
  const auto sums = readSums(dir / "SHA256SUMS");
  if (auto it = sums.find(name); it != sums.end() && it->second != model.sha256)
    throw FaceModelsMissing("face model " + path.string() + " is not the vetted file (SHA-256 " + model.sha256 +
                            ", expected " + it->second + "); re-fetch it with " + kFetchModelsCommand);
  return model;
}

}  // namespace

FaceModelFiles locateFaceModels(const std::optional<fs::path>& dir) {
  const auto dirs = candidateDirs(dir);
  const std::vector<std::string> names{kDetectorModel, kLandmarkModel, kEmbeddingModel};
  std::error_code ec;
  for (const auto& d : dirs) {
    bool complete = true;
    for (const auto& n : names) complete = complete && fs::is_regular_file(d / n, ec);
    if (complete)
      return {checkedModel(d, kDetectorModel), checkedModel(d, kLandmarkModel), checkedModel(d, kEmbeddingModel)};
  }
  // Name the first file missing from the most likely folder, so the message
  // points at one concrete thing to fix.
  std::string missing = names.front();
  for (const auto& n : names)
    if (!fs::is_regular_file(dirs.front() / n, ec)) {
      missing = n;
      break;
    }
  throw FaceModelsMissing("face model " + missing + " not found (looked in " + joined(dirs) +
                          "); face comparison is unavailable until the models are fetched with " +
                          kFetchModelsCommand);
}

}  // namespace ridgeline::face
