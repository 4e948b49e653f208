#include "core/fingerprint/ridge_response.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "core/fingerprint/field_grid.h"

namespace ridgeline::fingerprint {

namespace {
constexpr double kWindowSigma = 8;  // px at 500 ppi
}  // namespace

// The energy is averaged over each cell first and blurred on the grid (sigma
// 2 cells): 0.36 ms on 640 x 480, where blurring every pixel and reading
// the cell centres took 0.68 (same scores within noise, docs/matcher.md).
cv::Mat relativeRidgeResponse(const cv::Mat& enhanced, const cv::Mat& foregroundCells) {
  cv::Mat energy;
  cv::multiply(enhanced, enhanced, energy);
  // The image cut to whole cells; a partial last row or column of cells
  // (images are not always multiples of the cell) takes its nearest whole one.
  const int wholeRows = std::min(foregroundCells.rows, energy.rows / kCellSize);
  const int wholeCols = std::min(foregroundCells.cols, energy.cols / kCellSize);
  if (wholeRows < 1 || wholeCols < 1) return cv::Mat::zeros(foregroundCells.size(), CV_32F);
  cv::Mat cells;
  cv::resize(energy(cv::Rect(0, 0, wholeCols * kCellSize, wholeRows * kCellSize)), cells, {wholeCols, wholeRows}, 0, 0,
             cv::INTER_AREA);
  cv::copyMakeBorder(cells, cells, 0, foregroundCells.rows - wholeRows, 0, foregroundCells.cols - wholeCols,
                     cv::BORDER_REPLICATE);
  cv::GaussianBlur(cells, cells, {0, 0}, kWindowSigma / kCellSize);
  cv::sqrt(cv::max(cells, 0.0), cells);
  std::vector<float> inside;
  for (int r = 0; r < cells.rows; ++r)
    for (int c = 0; c < cells.cols; ++c)
      if (foregroundCells.at<uchar>(r, c)) inside.push_back(cells.at<float>(r, c));
  if (inside.empty()) return cv::Mat::zeros(cells.size(), CV_32F);
  const auto middle = inside.begin() + std::ptrdiff_t(inside.size() / 2);
  std::nth_element(inside.begin(), middle, inside.end());
  if (!(*middle > 0)) return cv::Mat::zeros(cells.size(), CV_32F);
  return cells / *middle;
}

}  // namespace ridgeline::fingerprint
