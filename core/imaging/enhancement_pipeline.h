#pragma once
// A working copy is the original plus an ordered list of steps. Replaying
// the list on the original reproduces, pixel for pixel, what the examiner
// looked at; the list is what the store logs and the report cites.
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/imaging/enhancement_step.h"
#include "core/util/progress.h"

namespace ridgeline::imaging {

// A "revert" step starts again from the original.
cv::Mat replay(const cv::Mat& original, const std::vector<Enhancement>& steps, double ppi,
               Progress* progress = nullptr);

// The steps in effect after a log: those after its last "revert".
std::vector<Enhancement> stepsInEffect(const std::vector<Enhancement>& log);

}  // namespace ridgeline::imaging
