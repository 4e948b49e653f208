#include "core/face/face_models.h"

#include <map>
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

ModelFile checkedModel(const fs::path& dir, const std::string& name) {
  const fs::path path = dir / name;
  ModelFile model{path, sha256FileHex(path.string())};
  const std::string& expected = vettedModelHashes().at(name);
  if (model.sha256 != expected)
    throw FaceModelsMissing("face model " + path.string() + " is not the vetted file (SHA-256 " + model.sha256 +
                            ", expected " + expected + "); re-fetch it with " + kFetchModelsCommand);
  return model;
}

}  // namespace

const std::map<std::string, std::string>& vettedModelHashes() {
  static const std::map<std::string, std::string> hashes{
      {kDetectorModel, "6c0256ccd3164f844736a401faf936ec2930764a87ae39442180887d0c5c8854"},
      {kLandmarkModel, "f10b0ba1d2a8a099adefede1ebf3733e44fe370715e7303dbeb7f59c02142258"},
      {kEmbeddingModel, "87aacdfe57510db2af90c0251df680e8eec88f122ee94712121d09bcaaaf3581"},
  };
  return hashes;
}

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
