#include "core/face/head_pose.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <opencv2/calib3d.hpp>

#include "core/util/errors.h"

namespace ridgeline::face {
namespace {

constexpr double kDeg = 180.0 / CV_PI;

cv::Matx33d rotX(double a) { return {1, 0, 0, 0, std::cos(a), -std::sin(a), 0, std::sin(a), std::cos(a)}; }
cv::Matx33d rotY(double a) { return {std::cos(a), 0, std::sin(a), 0, 1, 0, -std::sin(a), 0, std::cos(a)}; }
cv::Matx33d rotZ(double a) { return {std::cos(a), -std::sin(a), 0, std::sin(a), std::cos(a), 0, 0, 0, 1}; }

// R = Ry(psi) Rx(theta) Rz(phi): turn, then nod, then tilt. With camera axes
// (y down) a positive psi turns the face toward the image's left and a
// positive theta tips it down, hence the sign flips to the documented
// convention (yaw > 0 toward the image's right, pitch > 0 up).
HeadPose decompose(const cv::Matx33d& R) {
  const double theta = std::asin(std::clamp(-R(1, 2), -1.0, 1.0));
  const double psi = std::atan2(R(0, 2), R(2, 2));
  const double phi = std::atan2(R(1, 0), R(1, 1));
  return {-psi * kDeg, -theta * kDeg, phi * kDeg};
}

}  // namespace

const std::array<GenericFacePoint, 6>& genericFaceModel() {
  // Proportions of an average adult face, nose tip at the origin.
  static const std::array<GenericFacePoint, 6> model{{
      {30, {0.f, 0.f, 0.f}},          // nose tip
      {8, {0.f, 330.f, 65.f}},        // chin
      {36, {-225.f, -170.f, 135.f}},  // outer corner of the eye on the image's left
      {45, {225.f, -170.f, 135.f}},   // outer corner of the eye on the image's right
      {48, {-150.f, 150.f, 125.f}},   // mouth corner, image left
      {54, {150.f, 150.f, 125.f}},    // mouth corner, image right
  }};
  return model;
}

cv::Matx33d assumedCamera(cv::Size photoSize) {
  const double f = std::max(photoSize.width, photoSize.height);
  return {f, 0, photoSize.width / 2.0, 0, f, photoSize.height / 2.0, 0, 0, 1};
}

cv::Matx33d rotationFor(const HeadPose& pose) {
  return rotY(-pose.yaw / kDeg) * rotX(-pose.pitch / kDeg) * rotZ(pose.roll / kDeg);
}

HeadPose estimateHeadPose(const Landmarks68& landmarks, cv::Size photoSize) {
  if (photoSize.width <= 0 || photoSize.height <= 0) throw UsageError("head pose needs the photo size");
  std::vector<cv::Point3d> object;
  std::vector<cv::Point2d> image;
  for (const auto& p : genericFaceModel()) {
    object.emplace_back(p.position);
    image.emplace_back(landmarks[p.landmark]);
  }
  // Start from a frontal face at the distance its eye spacing implies, so the
  // iterative solver does not wander off to the mirror solution behind the camera.
  const cv::Matx33d K = assumedCamera(photoSize);
  const double eyeSpan = cv::norm(image[3] - image[2]);
  if (!(eyeSpan > 1e-3)) throw InputError("face landmarks are degenerate; no head pose");
  const double z = K(0, 0) * 450.0 / eyeSpan;
  cv::Mat rvec = cv::Mat::zeros(3, 1, CV_64F);
  cv::Mat tvec = (cv::Mat_<double>(3, 1) << (image[0].x - K(0, 2)) * z / K(0, 0), (image[0].y - K(1, 2)) * z / K(1, 1), z);
  bool ok = false;
  try {
    ok = cv::solvePnP(object, image, K, cv::noArray(), rvec, tvec, /*useExtrinsicGuess=*/true, cv::SOLVEPNP_ITERATIVE);
  } catch (const cv::Exception& e) {
    throw InputError(std::string("head pose: ") + e.msg);
  }
  if (!ok || !cv::checkRange(rvec)) throw InputError("face landmarks admit no head pose");
  cv::Matx33d R;
  cv::Rodrigues(rvec, R);
  return decompose(R);
}

}  // namespace ridgeline::face
