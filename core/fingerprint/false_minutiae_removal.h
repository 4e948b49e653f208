#pragma once
// Removes the skeleton artefacts that look like minutiae, with the structural
// rules surveyed by Maltoni et al. (Handbook of Fingerprint Recognition, 2nd
// ed., 3.8) and Tico & Kuosmanen ("An algorithm for fingerprint image
// postprocessing", Asilomar 2000): spurs, short ridges, bridges, broken
// ridges, dense clusters, points at the edge of the region, and points in
// incoherent flow. Survivors get a quality from coherence and border distance.
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/fingerprint/field_grid.h"
#include "core/fingerprint/minutia_candidate.h"

namespace ridgeline::fingerprint {

// foreground: CV_8U pixel mask. Returns the kept minutiae, best quality first,
// at most kMaxMinutiae.
std::vector<MinutiaCandidate> removeFalseMinutiae(const std::vector<MinutiaCandidate>& candidates,
                                                  const cv::Mat& skeleton, const cv::Mat& foreground,
                                                  const FieldGrid& fields);

inline constexpr size_t kMaxMinutiae = 80;

}  // namespace ridgeline::fingerprint
