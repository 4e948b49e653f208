#pragma once
// Head pose from 68 landmarks: a generic 3D face (six points: nose tip,
// chin, outer eye corners, mouth corners) is fitted with solvePnP under a
// pinhole camera whose focal length is the photo's larger side. Individual
// faces differ from the generic one and the focal length is a guess, so the
// angles are a rough guide (a few degrees), not a measurement.
#include <array>

#include <opencv2/core/types.hpp>

#include "core/face/face_types.h"

namespace ridgeline::face {

struct GenericFacePoint {
  int landmark;         // index in the 68-point scheme
  cv::Point3f position; // camera-style axes: x right, y down, z away from the viewer
};

// The generic model, nose tip at the origin (units are arbitrary but shared).
const std::array<GenericFacePoint, 6>& genericFaceModel();

// Throws InputError when the landmarks admit no pose (degenerate points).
HeadPose estimateHeadPose(const Landmarks68& landmarks, cv::Size photoSize);

// The camera estimateHeadPose assumes for a photo of this size.
cv::Matx33d assumedCamera(cv::Size photoSize);

// Rotation (model -> camera) for a pose, the inverse of the decomposition
// estimateHeadPose uses; for tests and for drawing pose axes.
cv::Matx33d rotationFor(const HeadPose& pose);

}  // namespace ridgeline::face
