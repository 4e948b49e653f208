#pragma once
// Ridge orientation and its coherence from the averaged gradient structure
// tensor (Kass & Witkin 1987; Bazen & Gerez, "Systematic methods for the
// computation of the directional fields and singular points of fingerprints",
// IEEE PAMI 24(7), 2002): squared gradients averaged in doubled-angle form so
// opposite gradients across a ridge reinforce instead of cancelling.
#include <opencv2/core/mat.hpp>

namespace ridgeline::fingerprint {

struct OrientationField {
  cv::Mat orientation;  // CV_32F grid, ridge direction in [0, pi), image coordinates
  cv::Mat coherence;    // CV_32F grid, 0..1
};

// normalized: CV_32F image at 500 ppi. Output on the kCellSize grid.
OrientationField computeOrientationField(const cv::Mat& normalized);

// Grid size for an image of the given size.
cv::Size gridSizeFor(const cv::Size& imageSize);

}  // namespace ridgeline::fingerprint
