#pragma once
// Overall impression quality 0-100 for triage: how much of a comparable
// print there is (area of clear flow against a typical plain impression) and
// how clear it is. Not NFIQ 2; a transparent score from the clarity map.
#include <opencv2/core/mat.hpp>

namespace ridgeline::fingerprint {

// levels: clarity grid from clarityLevels(). 0 when there is no foreground.
int overallQuality(const cv::Mat& levels);

}  // namespace ridgeline::fingerprint
