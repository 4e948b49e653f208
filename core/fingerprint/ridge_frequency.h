#pragma once
// Local ridge period by the oriented-window x-signature of Hong, Wan & Jain,
// "Fingerprint image enhancement: algorithm and performance evaluation",
// IEEE PAMI 20(8), 1998: grey levels projected across the ridges peak once
// per ridge. Blocks without a clear signature take their neighbours' value.
#include <opencv2/core/mat.hpp>

namespace ridgeline::fingerprint {

// normalized: CV_32F image (ridges positive); orientation, foreground: grids.
// Returns the CV_32F grid of ridge periods in pixels.
cv::Mat estimateRidgePeriod(const cv::Mat& normalized, const cv::Mat& orientation, const cv::Mat& foreground);

}  // namespace ridgeline::fingerprint
