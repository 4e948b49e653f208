#include "core/fingerprint/ridge_response.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <opencv2/core.hpp>

#include "core/fingerprint/field_grid.h"
#include "core/fingerprint/wide_blur.h"

namespace ridgeline::fingerprint {

namespace {
constexpr double kWindowSigma = 8;  // px at 500 ppi
}  // namespace

cv::Mat relativeRidgeResponse(const cv::Mat& enhanced, const cv::Mat& foregroundCells) {
  cv::Mat energy;
  cv::multiply(enhanced, enhanced, energy);
  energy = wideGaussianBlur(energy, kWindowSigma);
  // Each cell reads the response at its centre.
  cv::Mat cells(foregroundCells.size(), CV_32F);
  std::vector<float> inside;
  for (int r = 0; r < cells.rows; ++r)
    for (int c = 0; c < cells.cols; ++c) {
      const int y = std::min(r * kCellSize + kCellSize / 2, energy.rows - 1);
      const int x = std::min(c * kCellSize + kCellSize / 2, energy.cols - 1);
      const float rms = std::sqrt(std::max(0.0f, energy.at<float>(y, x)));
      cells.at<float>(r, c) = rms;
      if (foregroundCells.at<uchar>(r, c)) inside.push_back(rms);
    }
  if (inside.empty()) return cv::Mat::zeros(cells.size(), CV_32F);
  const auto middle = inside.begin() + std::ptrdiff_t(inside.size() / 2);
  std::nth_element(inside.begin(), middle, inside.end());
  if (!(*middle > 0)) return cv::Mat::zeros(cells.size(), CV_32F);
  return cells / *middle;
}

}  // namespace ridgeline::fingerprint
