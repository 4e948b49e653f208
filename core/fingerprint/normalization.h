#pragma once
// Local contrast normalisation: zero local mean, unit local deviation, ridges
// positive. Removes the uneven pressure, wet and dry patches of live scans
// (FVC2004) before any stage measures ridges.
#include <opencv2/core/mat.hpp>

namespace ridgeline::fingerprint {

// gray: CV_8UC1. Returns CV_32F, clipped to [-3, 3], ridges (dark) positive.
cv::Mat normalizeContrast(const cv::Mat& gray);

}  // namespace ridgeline::fingerprint
