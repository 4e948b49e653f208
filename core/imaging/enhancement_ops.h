#pragma once
// The enhancement operations themselves, on 8-bit grey images. Each returns
// a new image; the input (the original) is never touched. Sizes in
// millimetres are turned into pixels with the image's ppi, so a step means
// the same on a 500 ppi and a 1000 ppi scan.
#include <opencv2/core/mat.hpp>

#include "core/imaging/enhancement_step.h"

namespace ridgeline::imaging {

cv::Mat applyEnhancement(const cv::Mat& grey, const Enhancement& step, double ppi);

}  // namespace ridgeline::imaging
