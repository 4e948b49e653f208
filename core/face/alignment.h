#pragma once
// Alignment: similarity transforms (rotation, uniform scale, shift) that put
// a face in a standard position, for the embedding model and for showing two
// faces side by side at the same inter-eye distance.
#include <array>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/face/face_types.h"

namespace ridgeline::face {

// Eye centres (mean of each eye's contour), nose tip (30), and mouth corners
// as the mean of the outer and inner lip corner (48/60, 54/64), the way the
// model package derives its five points from the 68.
FivePoints fivePointsFrom(const Landmarks68& l);

// The usual ArcFace template: the five points in a 112x112 crop.
std::array<cv::Point2f, 5> arcFaceTemplate112();

// Least-squares similarity transform taking `from` onto `to` (>= 2 pairs).
// Throws InputError when the points are degenerate (all coincide).
cv::Matx23d estimateSimilarity(const std::vector<cv::Point2f>& from, const std::vector<cv::Point2f>& to);

cv::Point2f apply(const cv::Matx23d& m, const cv::Point2f& p);

// The 112x112 BGR crop the embedding model expects.
cv::Mat alignForEmbedding(const cv::Mat& bgr, const FivePoints& points);

// How a face is laid out for the examiner: eyes level, `interEyeDistance`
// pixels apart, centred horizontally, the eye line at `eyeLineFraction` of
// the height. Two faces laid out with the same spec are at the same scale.
struct DisplayAlignment {
  cv::Size outputSize{512, 512};
  double interEyeDistance = 128;
  double eyeLineFraction = 0.4;
};

struct AlignedFace {
  cv::Mat image;              // BGR, spec.outputSize; black where the photo ends
  cv::Matx23d photoToCrop;    // photo pixels -> crop pixels
  cv::Matx23d cropToPhoto;    // and back
  Landmarks68 landmarks{};    // the 68 landmarks in crop pixels
  FivePoints five;            // the five points in crop pixels
  double scale = 1;           // crop pixels per photo pixel (> 1: enlarged)
  double rotationDegrees = 0; // how far the photo was turned to level the eyes
};

// Throws UsageError on a spec that makes no sense (sizes <= 0, fraction
// outside 0..1) and InputError when the landmarks put both eyes together.
AlignedFace alignForDisplay(const cv::Mat& bgr, const Landmarks68& landmarks, const DisplayAlignment& spec = {});

}  // namespace ridgeline::face
