#pragma once
// Value types shared by the face engine's stages. Coordinates are in pixels
// of the photo as decoded (EXIF orientation applied), x right, y down.
#include <array>
#include <optional>
#include <vector>

#include <opencv2/core/types.hpp>

namespace ridgeline::face {

// The 68-point scheme of the iBUG 300-W annotations (0-based indices):
// 0-16 jaw, 17-21 and 22-26 eyebrows (image left, image right),
// 27-35 nose, 36-41 and 42-47 eyes, 48-59 outer lip, 60-67 inner lip.
inline constexpr int kLandmarkCount = 68;
using Landmarks68 = std::array<cv::Point2f, kLandmarkCount>;

// The five points ArcFace-style alignment uses, in this order.
struct FivePoints {
  cv::Point2f leftEye;      // centre of the eye on the image's left
  cv::Point2f rightEye;     // centre of the eye on the image's right
  cv::Point2f noseTip;
  cv::Point2f mouthLeft;    // mouth corner on the image's left
  cv::Point2f mouthRight;
};

// Head pose in degrees, from a generic 3D face fitted to the landmarks.
// yaw > 0: the face turns toward the image's right (the subject's left);
// pitch > 0: the face tilts up; roll > 0: the face tilts clockwise in the
// image. A rough guide for the examiner, not a measurement.
struct HeadPose {
  double yaw = 0;
  double pitch = 0;
  double roll = 0;
};

// One face the detector found, with what the later stages measured on it.
struct DetectedFace {
  cv::Rect2f box;          // square face box in photo pixels (may reach past the edges)
  float score = 0;         // detector confidence, 0..1
  Landmarks68 landmarks{};
  std::optional<HeadPose> pose;  // empty when the landmarks admit no pose
  double interEyeDistance = 0;  // pixels between the two eye centres
};

// A 512-d face embedding, L2-normalised.
using FaceEmbedding = std::vector<float>;

}  // namespace ridgeline::face
