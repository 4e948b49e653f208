#pragma once
// Skeleton of the ridges by the parallel thinning of Zhang & Suen, "A fast
// parallel algorithm for thinning digital patterns", CACM 27(3), 1984, with
// the two sub-iteration tests precomputed as 256-entry tables.
#include <opencv2/core/mat.hpp>

namespace ridgeline::fingerprint {

// binary: CV_8U, non-zero = ridge. Returns CV_8U, 255 = skeleton, one pixel wide.
cv::Mat thinRidges(const cv::Mat& binary);

}  // namespace ridgeline::fingerprint
