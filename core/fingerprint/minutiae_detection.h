#pragma once
// Minutiae on the ridge skeleton by crossing number (ending = 1,
// bifurcation = 3), with directions from tracing the ridges and snapped to
// the smoothed orientation field.
//
// Direction convention (the same for both types, so the ridge/valley duality
// of noisy prints does not flip it): an ending points from its tip into the
// ridge it ends; a bifurcation points from the fork point between its two
// branches, away from the single ridge it splits from. This matches ISO/IEC
// 19794-2 and ANSI/INCITS 378 as read by the formats module.
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/fingerprint/field_grid.h"
#include "core/fingerprint/minutia_candidate.h"

namespace ridgeline::fingerprint {

// skeleton: CV_8U one-pixel ridges. Candidates closer than 3 px to one of the
// same type (thick junctions) are reported once.
std::vector<MinutiaCandidate> detectMinutiae(const cv::Mat& skeleton, const FieldGrid& fields);

// Direction (image coordinates) from a minutia along n traced skeleton pixels.
float tracedAngle(cv::Point origin, const std::vector<cv::Point>& path, size_t steps);

}  // namespace ridgeline::fingerprint
