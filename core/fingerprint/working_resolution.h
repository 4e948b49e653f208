#pragma once
// Every stage is tuned for 500 ppi (ridge period ~9 px). Images at other
// resolutions are resampled in, and feature coordinates scaled back out.
#include <opencv2/core/mat.hpp>

namespace ridgeline::fingerprint {

struct WorkingImage {
  cv::Mat gray;        // CV_8UC1 at 500 ppi
  double scale = 1.0;  // working pixels per source pixel (500 / source ppi)
};

// sourcePpi <= 0 means unknown: taken as 500 ppi.
WorkingImage toWorkingResolution(const cv::Mat& gray, double sourcePpi);

}  // namespace ridgeline::fingerprint
