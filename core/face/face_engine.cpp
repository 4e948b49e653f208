#include "core/face/face_engine.h"

#include <cmath>

#include "core/face/head_pose.h"
#include "core/util/errors.h"

namespace ridgeline::face {
namespace {

std::string pixels(float v) { return std::to_string(static_cast<int>(std::lround(v))) + " px"; }
std::string degrees(double v) { return std::to_string(static_cast<int>(std::lround(v))) + " degrees"; }

// Conditions under which a score deserves less weight, worded for the examiner.
std::vector<std::string> cautionNotes(const DetectedFace& f, const std::string& which, const FaceEngineOptions& o) {
  std::vector<std::string> notes;
  const std::string tail = ": the advisory score deserves less weight";
  if (!f.pose) notes.push_back(which + " has landmarks that admit no head pose" + tail);
  if (f.pose && std::abs(f.pose->yaw) > o.noteAbovePoseDegrees)
    notes.push_back(which + " is turned (yaw " + degrees(f.pose->yaw) + ")" + tail);
  if (f.pose && std::abs(f.pose->pitch) > o.noteAbovePoseDegrees)
    notes.push_back(which + " is tilted (pitch " + degrees(f.pose->pitch) + ")" + tail);
  if (f.interEyeDistance < o.noteBelowInterEyePixels)
    notes.push_back(which + " has " + pixels(float(f.interEyeDistance)) + " between the eyes" + tail);
  return notes;
}

}  // namespace

struct FaceEngine::Stages {
  FaceModelFiles files;
  FaceDetector detector;
  LandmarkModel landmarks;
  EmbeddingModel embedding;

  Stages(FaceModelFiles f, const DetectorSettings& settings)
      : files(std::move(f)), detector(files.detector.path, settings), landmarks(files.landmarks.path),
        embedding(files.embedding.path) {}
};

FaceEngine::FaceEngine(const FaceEngineOptions& options)
    : options_(options), stages_(std::make_unique<Stages>(locateFaceModels(options.modelsDir), options.detector)) {}

FaceEngine::~FaceEngine() = default;
FaceEngine::FaceEngine(FaceEngine&&) noexcept = default;
FaceEngine& FaceEngine::operator=(FaceEngine&&) noexcept = default;

const FaceModelFiles& FaceEngine::models() const { return stages_->files; }

std::vector<DetectedFace> FaceEngine::detectFaces(const cv::Mat& bgr, const std::optional<cv::Rect>& searchRegion) {
  std::vector<DetectedFace> faces;
  const auto boxes = searchRegion ? stages_->detector.detect(bgr, *searchRegion) : stages_->detector.detect(bgr);
  for (const FaceBox& box : boxes) {
    DetectedFace f;
    f.box = box.box;
    f.score = box.score;
    f.landmarks = stages_->landmarks.predict(bgr, box.box);
    f.interEyeDistance = cv::norm(rightEyeCentre(f.landmarks) - leftEyeCentre(f.landmarks));
    try {
      f.pose = estimateHeadPose(f.landmarks, bgr.size());
    } catch (const InputError&) {
      // One face's odd landmarks must not hide the other faces; the
      // missing pose is reported as a caution if this face is compared.
    }
    faces.push_back(f);
  }
  return faces;
}

bool FaceEngine::isTooSmall(const DetectedFace& face) const { return face.box.width < options_.minFaceSide; }

FaceEmbedding FaceEngine::embed(const cv::Mat& bgr, const DetectedFace& face) {
  if (isTooSmall(face))
    throw InputError("the face is " + pixels(face.box.width) + " wide; at least " + pixels(options_.minFaceSide) +
                     " is needed for an advisory score (too little detail)");
  return stages_->embedding.embed(alignForEmbedding(bgr, fivePointsFrom(face.landmarks)));
}

PreparedFace FaceEngine::prepare(const cv::Mat& bgr, const std::string& source, std::optional<size_t> faceIndex,
                                 const std::optional<cv::Rect>& searchRegion) {
  PreparedFace p;
  p.source = source;
  const auto faces = detectFaces(bgr, searchRegion);
  p.faceCount = faces.size();
  if (faces.empty()) throw InputError("no face found in " + source + (searchRegion ? " (inside the search region)" : ""));
  if (faceIndex && *faceIndex >= faces.size())
    throw InputError(source + " has " + std::to_string(faces.size()) + " face(s); there is no face " +
                     std::to_string(*faceIndex + 1));
  p.faceIndex = faceIndex.value_or(0);
  if (!faceIndex && faces.size() > 1)
    p.choiceNote = std::to_string(faces.size()) + " faces in " + source + "; using face 1 (the largest)";
  p.face = faces[p.faceIndex];
  const std::string which = source + ", face " + std::to_string(p.faceIndex + 1);
  try {
    p.embedding = embed(bgr, p.face);
  } catch (const InputError& e) {
    throw InputError(which + ": " + e.what());
  }
  p.cautions = cautionNotes(p.face, which, options_);
  return p;
}

double advisorySimilarity(const PreparedFace& a, const PreparedFace& b) {
  return cosineSimilarity(a.embedding, b.embedding);
}

}  // namespace ridgeline::face
