#pragma once
// Brings whatever a decoder produced (colour, 16-bit, float) to the one form
// the workstation works on: continuous 8-bit grey. Each conversion is stated
// as a warning so the examiner knows the pixels are not the file's own.
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

namespace ridgeline {

cv::Mat toGray8(const cv::Mat& decoded, std::vector<std::string>& warnings);

}  // namespace ridgeline
