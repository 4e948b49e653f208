#pragma once
// EFS clarity (ANSI/NIST-ITL 1-2011 field 9.353 style levels) per 16 x 16 px
// block at 500 ppi, from what the extractor could measure:
//   0 background, 1 debatable ridge flow, 2 definitive ridge flow,
//   3 definitive minutiae (flow clear enough to place a minutia, and the
//     filter's ridge response strong enough that the extractor keeps them).
// Levels 4 (ridge edges) and 5 (pores) need 1000 ppi detail the extractor
// does not measure, so it never claims them; an examiner may.
#include <opencv2/core/mat.hpp>

#include "core/fingerprint/field_grid.h"
#include "core/model/feature_set.h"

namespace ridgeline::fingerprint {

inline constexpr int kClarityBlockCells = 4;  // 16 px at 500 ppi

// Levels on the clarity block grid, CV_8U 0..3.
cv::Mat clarityLevels(const FieldGrid& fields);

// The model form, with the block size expressed in source-image pixels.
ClarityMap toClarityMap(const cv::Mat& levels, double workingScale);

// Levels as a colour-free grey picture for the trace (level * 60).
cv::Mat clarityPicture(const cv::Mat& levels, const cv::Size& imageSize);

}  // namespace ridgeline::fingerprint
