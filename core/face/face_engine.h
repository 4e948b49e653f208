#pragma once
// The local face engine: detection, landmarks, head pose, alignment,
// embedding and the ADVISORY similarity, behind one object. The Qt face
// workspace and ridgeline-cli are both clients of it.
//
//   FaceEngine engine;                                  // throws FaceModelsMissing
//   cv::Mat photo = loadFacePhoto(path);
//   auto faces = engine.detectFaces(photo);             // all faces, largest first
//   auto a = engine.prepare(photoA, "A", std::nullopt); // largest face, embedded
//   auto b = engine.prepare(photoB, "B", 1);            // the second face
//   double s = advisorySimilarity(a, b);
//   AlignedFace view = alignForDisplay(photoA, a.face.landmarks, {{512, 512}, 128});
//
// One engine per thread: OpenCV's dnn nets are not safe to share.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/face/alignment.h"
#include "core/face/detector.h"
#include "core/face/embedding.h"
#include "core/face/face_models.h"
#include "core/face/face_types.h"
#include "core/face/landmarks.h"
#include "core/face/similarity.h"

namespace ridgeline::face {

struct FaceEngineOptions {
  std::optional<std::filesystem::path> modelsDir;  // default: the resource roots
  DetectorSettings detector;
  // Faces whose box is smaller than this (pixels) are listed but not
  // embedded: the 112x112 crop would be mostly interpolation, and a score
  // on it would look more certain than the photo allows.
  float minFaceSide = 32;
  // Beyond these the embedding sees a face unlike the frontal ones such
  // models are trained on, or too few pixels between the eyes; the score is
  // still given, with a note saying why it deserves less weight.
  double noteAbovePoseDegrees = 30;
  double noteBelowInterEyePixels = 30;
};

// A face chosen in a photo and embedded, ready to compare.
struct PreparedFace {
  std::string source;         // how messages name the photo
  size_t faceIndex = 0;       // 0-based, in detectFaces() order (largest first)
  size_t faceCount = 0;       // faces found in the photo
  DetectedFace face;
  FaceEmbedding embedding;
  // Set when the photo has several faces and none was asked for:
  // "2 faces in A; using face 1 (the largest)".
  std::string choiceNote;
  // Why the score deserves less weight, if it does: "A, face 1 is turned
  // (yaw -38 degrees): the advisory score deserves less weight".
  std::vector<std::string> cautions;
};

class FaceEngine {
 public:
  explicit FaceEngine(const FaceEngineOptions& options = {});
  ~FaceEngine();
  FaceEngine(FaceEngine&&) noexcept;
  FaceEngine& operator=(FaceEngine&&) noexcept;

  // The model files in use with their SHA-256, for reports and the audit trail.
  const FaceModelFiles& models() const;

  // Every face in a BGR photo, largest first, with landmarks, head pose and
  // inter-eye distance. An empty list means no face was found.
  // With a search region, only faces inside it, found at the detector's
  // full resolution (see FaceDetector::detect); coordinates stay photo pixels.
  std::vector<DetectedFace> detectFaces(const cv::Mat& bgr, const std::optional<cv::Rect>& searchRegion = std::nullopt);

  // The embedding of one detected face. Throws InputError naming the size
  // when the face is below options.minFaceSide.
  FaceEmbedding embed(const cv::Mat& bgr, const DetectedFace& face);

  // Detects, picks a face (faceIndex, 0-based; default the largest) and
  // embeds it; faceIndex counts the faces inside searchRegion when one is
  // given. Throws InputError: no face ("no face found in A"), an index
  // beyond the faces found, or a face too small. `source` names the photo.
  PreparedFace prepare(const cv::Mat& bgr, const std::string& source, std::optional<size_t> faceIndex = std::nullopt,
                       const std::optional<cv::Rect>& searchRegion = std::nullopt);

  bool isTooSmall(const DetectedFace& face) const;

 private:
  struct Stages;
  FaceEngineOptions options_;
  std::unique_ptr<Stages> stages_;
};

// Cosine similarity of the two embeddings, -1..1. ADVISORY (kAdvisoryNotice).
double advisorySimilarity(const PreparedFace& a, const PreparedFace& b);

}  // namespace ridgeline::face
