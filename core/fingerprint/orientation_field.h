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

// The ridge orientation again, from the enhanced ridges (contextual_enhancement.h):
// the filter has taken out the noise, blotches and breaks the first estimate
// had to average over, so the field it gives follows the ridges more closely
// where the print is poor. Minutia directions and the ridge flow map read this
// one; the enhancement itself needs the first. Same grid and smoothing, no
// coherence (the first estimate's coherence stays the measure of clarity).
cv::Mat refineOrientation(const cv::Mat& enhanced);

// Grid size for an image of the given size.
cv::Size gridSizeFor(const cv::Size& imageSize);

}  // namespace ridgeline::fingerprint
