#include "core/face/alignment.h"

#include <cmath>

#include <opencv2/imgproc.hpp>

#include "core/face/landmarks.h"
#include "core/util/errors.h"

namespace ridgeline::face {
namespace {

constexpr int kEmbeddingSide = 112;

std::vector<cv::Point2f> asVector(const FivePoints& f) {
  return {f.leftEye, f.rightEye, f.noseTip, f.mouthLeft, f.mouthRight};
}

FivePoints asFive(const std::vector<cv::Point2f>& v) { return {v[0], v[1], v[2], v[3], v[4]}; }

// Enlarging interpolates (cubic); shrinking must average, or fine detail
// aliases into patterns that are not in the photo. warpAffine cannot average,
// so a shrinking view first resizes by the scale with INTER_AREA and then
// applies the remaining rotation and shift.
cv::Mat warpForViewing(const cv::Mat& bgr, const cv::Matx23d& m, double scale, cv::Size size) {
  cv::Mat out;
  if (scale >= 1) {
    cv::warpAffine(bgr, out, m, size, cv::INTER_CUBIC, cv::BORDER_CONSTANT, cv::Scalar(0, 0, 0));
    return out;
  }
  cv::Mat small;
  cv::resize(bgr, small, cv::Size(), scale, scale, cv::INTER_AREA);
  const double sx = double(bgr.cols) / std::max(1, small.cols), sy = double(bgr.rows) / std::max(1, small.rows);
  // A small-image pixel q sits at photo pixel (q + 0.5) * s - 0.5 (pixel centres).
  const double ox = 0.5 * sx - 0.5, oy = 0.5 * sy - 0.5;
  const cv::Matx23d rest(m(0, 0) * sx, m(0, 1) * sy, m(0, 0) * ox + m(0, 1) * oy + m(0, 2),  //
                         m(1, 0) * sx, m(1, 1) * sy, m(1, 0) * ox + m(1, 1) * oy + m(1, 2));
  cv::warpAffine(small, out, rest, size, cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(0, 0, 0));
  return out;
}

}  // namespace

FivePoints fivePointsFrom(const Landmarks68& l) {
  return {leftEyeCentre(l), rightEyeCentre(l), l[30], (l[48] + l[60]) * 0.5f, (l[54] + l[64]) * 0.5f};
}

std::array<cv::Point2f, 5> arcFaceTemplate112() {
  return {{{38.2946f, 51.6963f}, {73.5318f, 51.5014f}, {56.0252f, 71.7366f}, {41.5493f, 92.3655f}, {70.7299f, 92.2041f}}};
}

// Solves x' = a x - b y + tx, y' = b x + a y + ty in the least-squares sense
// over all pairs: with five noisy points an exact 3-point affine fit (as the
// package's JavaScript does) would let one bad landmark shear the face.
cv::Matx23d estimateSimilarity(const std::vector<cv::Point2f>& from, const std::vector<cv::Point2f>& to) {
  if (from.size() != to.size() || from.size() < 2) throw UsageError("similarity transform needs >= 2 point pairs");
  const int n = static_cast<int>(from.size());
  // Points that (nearly) coincide fix no scale or rotation.
  cv::Point2d centroid(0, 0);
  for (const auto& p : from) centroid += cv::Point2d(p) / n;
  double spread = 0;
  for (const auto& p : from) spread += cv::norm(cv::Point2d(p) - centroid);
  if (!(spread / n > 1e-3)) throw InputError("face landmarks are degenerate; no alignment possible");
  cv::Mat A(2 * n, 4, CV_64F), B(2 * n, 1, CV_64F);
  for (int i = 0; i < n; ++i) {
    const double x = from[i].x, y = from[i].y;
    A.at<double>(2 * i, 0) = x, A.at<double>(2 * i, 1) = -y, A.at<double>(2 * i, 2) = 1, A.at<double>(2 * i, 3) = 0;
    A.at<double>(2 * i + 1, 0) = y, A.at<double>(2 * i + 1, 1) = x, A.at<double>(2 * i + 1, 2) = 0,
                         A.at<double>(2 * i + 1, 3) = 1;
    B.at<double>(2 * i) = to[i].x;
    B.at<double>(2 * i + 1) = to[i].y;
  }
  cv::Mat s;
  if (!cv::solve(A, B, s, cv::DECOMP_SVD) || !cv::checkRange(s))
    throw InputError("face landmarks are degenerate; no alignment possible");
  const double a = s.at<double>(0), b = s.at<double>(1);
  if (std::hypot(a, b) < 1e-9) throw InputError("face landmarks are degenerate; no alignment possible");
  return {a, -b, s.at<double>(2), b, a, s.at<double>(3)};
}

cv::Point2f apply(const cv::Matx23d& m, const cv::Point2f& p) {
  return {float(m(0, 0) * p.x + m(0, 1) * p.y + m(0, 2)), float(m(1, 0) * p.x + m(1, 1) * p.y + m(1, 2))};
}

cv::Mat alignForEmbedding(const cv::Mat& bgr, const FivePoints& points) {
  const auto ref = arcFaceTemplate112();
  const cv::Matx23d m = estimateSimilarity(asVector(points), {ref.begin(), ref.end()});
  cv::Mat crop;
  cv::warpAffine(bgr, crop, m, cv::Size(kEmbeddingSide, kEmbeddingSide), cv::INTER_LINEAR, cv::BORDER_CONSTANT);
  return crop;
}

AlignedFace alignForDisplay(const cv::Mat& bgr, const Landmarks68& landmarks, const DisplayAlignment& spec) {
  if (spec.outputSize.width <= 0 || spec.outputSize.height <= 0 || spec.outputSize.area() > 64'000'000)
    throw UsageError("aligned view size must be positive and at most 64 megapixels");
  if (!(spec.interEyeDistance > 0) || !(spec.eyeLineFraction > 0 && spec.eyeLineFraction < 1))
    throw UsageError("aligned view needs an inter-eye distance > 0 and an eye line inside the view");
  const cv::Point2f left = leftEyeCentre(landmarks), right = rightEyeCentre(landmarks);
  const double cx = spec.outputSize.width / 2.0, y = spec.outputSize.height * spec.eyeLineFraction;
  const std::vector<cv::Point2f> target{{float(cx - spec.interEyeDistance / 2), float(y)},
                                        {float(cx + spec.interEyeDistance / 2), float(y)}};
  AlignedFace out;
  out.photoToCrop = estimateSimilarity({left, right}, target);
  cv::invertAffineTransform(out.photoToCrop, out.cropToPhoto);
  out.scale = std::hypot(out.photoToCrop(0, 0), out.photoToCrop(1, 0));
  out.rotationDegrees = std::atan2(out.photoToCrop(1, 0), out.photoToCrop(0, 0)) * 180.0 / CV_PI;
  out.image = warpForViewing(bgr, out.photoToCrop, out.scale, spec.outputSize);
  for (int i = 0; i < kLandmarkCount; ++i) out.landmarks[i] = apply(out.photoToCrop, landmarks[i]);
  std::vector<cv::Point2f> five = asVector(fivePointsFrom(landmarks));
  for (auto& p : five) p = apply(out.photoToCrop, p);
  out.five = asFive(five);
  return out;
}

}  // namespace ridgeline::face
