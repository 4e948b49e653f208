#pragma once
// How clearly the contextual filter found ridges around each grid cell. The
// filter passes only ridges of the local orientation and period; where the
// skin was wet, smudged or crushed it has little to pass, and a skeleton
// drawn there yields minutiae that are not on the finger. Measured as the
// RMS of the enhanced image in a Gaussian window (sigma 8 px at 500 ppi:
// most of its weight within two ridge periods) and given relative to the median over
// the print's region: 1 is as clear as this print typically is, so a faint
// but clean print is not judged against a crisp one. The Gabor filter's
// response as a measure of ridge clarity follows Shen, Kot & Koo, "Quality
// measures of fingerprint images", AVBPA 2001; the filter is the one of
// contextual_enhancement.h.
#include <opencv2/core/mat.hpp>

namespace ridgeline::fingerprint {

// Below this share of the print's median the filter found too little ridge
// to place a minutia: the false-minutiae rules drop minutiae there and the
// clarity map does not call such an area "definitive minutiae". Measured at
// 0.3-0.9 (docs/matcher.md, section 5).
inline constexpr float kMinMinutiaResponse = 0.7f;

// enhanced: CV_32F at the working resolution; foregroundCells: the region on
// the field grid (FieldGrid::foreground). Returns CV_32F on the field grid,
// 0 everywhere when the region is empty or the filter passed nothing.
cv::Mat relativeRidgeResponse(const cv::Mat& enhanced, const cv::Mat& foregroundCells);

}  // namespace ridgeline::fingerprint
