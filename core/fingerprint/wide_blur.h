#pragma once
// A Gaussian blur wide against the ridge period (sigma of 4 px and more at
// 500 ppi), done at half resolution: what it keeps varies slowly, so a
// quarter of the pixels and a kernel half as long give nearly the same
// result (normalisation's local mean differed by under 0.3 grey levels) at a
// third of the cost. Used for the local mean and deviation of normalisation
// and the coarse half of segmentation's ridge band.
#include <opencv2/core/mat.hpp>

namespace ridgeline::fingerprint {

// image: CV_32F. Returns the same size and type. Edges see a mirrored margin
// of 4 sigma, as a full-resolution blur with OpenCV's default border does.
cv::Mat wideGaussianBlur(const cv::Mat& image, double sigma);

}  // namespace ridgeline::fingerprint
