#pragma once
// Ridge / valley decision on the enhanced image. After contextual filtering
// the sign is the decision (the filter is zero-mean); small islands of either
// kind are then flipped, since a ridge fragment shorter than a pore or a
// valley hole inside a ridge only breeds false minutiae.
#include <opencv2/core/mat.hpp>

namespace ridgeline::fingerprint {

// enhanced: CV_32F; foreground: CV_8U pixel mask. Returns CV_8U, 255 = ridge.
cv::Mat binarizeRidges(const cv::Mat& enhanced, const cv::Mat& foreground);

}  // namespace ridgeline::fingerprint
