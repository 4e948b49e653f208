#pragma once
// Where the three ONNX models live and whether they are the files we vetted.
// The models come from the npm package faceplugin-face-recognition-js@0.0.1
// (see docs/face.md); installers/fetch-face-models.sh installs them and
// resources/models/SHA256SUMS records their hashes.
#include <filesystem>
#include <map>
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

// The SHA-256 of each model file the engine was validated with (the figures
// in docs/face.md were measured on exactly these). The same values as
// resources/models/SHA256SUMS, which the fetch script checks; a test keeps
// the two equal. A different model is a change to validate, not a download.
const std::map<std::string, std::string>& vettedModelHashes();

// Finds the three models: in `dir` only when given, otherwise in the first
// resource root holding all three under models/ (core/util/resource_paths.h).
// Hashes each and refuses any file that is not the vetted one.
// Throws FaceModelsMissing naming the missing or altered file, where it
// looked, and the command that fetches the models.
FaceModelFiles locateFaceModels(const std::optional<std::filesystem::path>& dir = std::nullopt);

}  // namespace ridgeline::face
