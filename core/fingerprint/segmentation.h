#pragma once
// Region of interest: which grid cells hold ridges. A cell is finger when its
// grey-level deviation is high against the print's own typical contrast and
// its ridge flow is coherent (Bazen & Gerez, "Segmentation of fingerprint
// images", ProRISC 2001, use the same two features); morphology then keeps
// one solid region without holes.
#include <opencv2/core/mat.hpp>

namespace ridgeline::fingerprint {

// gray: CV_8U image at 500 ppi; coherence: grid from computeOrientationField.
// Returns a CV_8U grid mask, 255 = foreground.
cv::Mat segmentFingerprint(const cv::Mat& gray, const cv::Mat& coherence);

}  // namespace ridgeline::fingerprint
