#pragma once
// Where the three ONNX models live and whether they are the files we vetted.
// The models come from the npm package faceplugin-face-recognition-js@0.0.1
// (see docs/face.md); installers/fetch-face-models.sh installs them and
// resources/models/SHA256SUMS records their hashes.
#include <filesystem>
#include <optional>
#include <string>

#include "core/util/errors.h"

namespace ridgeline::face {

inline constexpr const char* kDetectorModel = "fr_detect.onnx";
inline constexpr const char* kLandmarkModel = "fr_landmark.onnx";
inline constexpr const char* kEmbeddingModel = "fr_feature.onnx";
inline constexpr const char* kFetchModelsCommand = "installers/fetch-face-models.sh";

// The models are part of the environment, not the user's input: a missing
// or altered model is an environment failure (CLI exit 3).
struct FaceModelsMissing : Error {
  explicit FaceModelsMissing(const std::string& m) : Error(ErrorKind::Remote, m) {}
};

struct ModelFile {
  std::filesystem::path path;
  std::string sha256;  // of the file as loaded, for reports and the audit trail
};

struct FaceModelFiles {
  ModelFile detector;
  ModelFile landmarks;
  ModelFile embedding;
};

// Finds the three models: in `dir` only when given, otherwise in the first
// resource root holding models/ (see core/util/resource_paths.h). Hashes each
// and, when a SHA256SUMS file sits next to them, checks the hash.
// Throws FaceModelsMissing naming the missing or altered file, where it
// looked, and the command that fetches the models.
FaceModelFiles locateFaceModels(const std::optional<std::filesystem::path>& dir = std::nullopt);

}  // namespace ridgeline::face
