#include "core/fingerprint/clarity_map.h"

#include <cmath>

#include <opencv2/imgproc.hpp>

#include "core/fingerprint/ridge_response.h"

namespace ridgeline::fingerprint {

namespace {
// Coherence bands. Clean parallel ridges measure 0.6-0.9 at this scale, cores
// and deltas dip naturally, smudged or latent areas fall below 0.35.
constexpr float kDefinitiveFlow = 0.35f;
constexpr float kDefinitiveMinutiae = 0.55f;
constexpr float kMinForegroundShare = 0.5f;
}  // namespace

cv::Mat clarityLevels(const FieldGrid& fields) {
  const int rows = (fields.rows() + kClarityBlockCells - 1) / kClarityBlockCells;
  const int cols = (fields.cols() + kClarityBlockCells - 1) / kClarityBlockCells;
  cv::Mat levels = cv::Mat::zeros(rows, cols, CV_8U);
  for (int br = 0; br < rows; ++br)
    for (int bc = 0; bc < cols; ++bc) {
      int cells = 0, inside = 0;
      float coherence = 0, response = 0;
      for (int r = br * kClarityBlockCells; r < std::min(fields.rows(), (br + 1) * kClarityBlockCells); ++r)
        for (int c = bc * kClarityBlockCells; c < std::min(fields.cols(), (bc + 1) * kClarityBlockCells); ++c) {
          ++cells;
          if (!fields.foreground.at<uchar>(r, c)) continue;
          ++inside;
          coherence += fields.coherence.at<float>(r, c);
          if (!fields.response.empty()) response += fields.response.at<float>(r, c);
        }
      if (cells == 0 || float(inside) < kMinForegroundShare * float(cells)) continue;
      coherence /= float(inside);
      // Where the filter found too little ridge the minutiae are dropped
      // (ridge_response.h), so the block cannot claim definitive minutiae.
      const bool weak = !fields.response.empty() && response / float(inside) < kMinMinutiaResponse;
      levels.at<uchar>(br, bc) = coherence >= kDefinitiveMinutiae && !weak ? 3 : coherence >= kDefinitiveFlow ? 2 : 1;
    }
  return levels;
}

ClarityMap toClarityMap(const cv::Mat& levels, double workingScale) {
  ClarityMap map;
  map.blockSize = std::max(1, int(std::lround(kClarityBlockCells * kCellSize / workingScale)));
  map.cols = levels.cols;
  map.rows = levels.rows;
  map.levels.assign(levels.begin<uchar>(), levels.end<uchar>());
  return map;
}

cv::Mat clarityPicture(const cv::Mat& levels, const cv::Size& imageSize) {
  cv::Mat big;
  const int block = kClarityBlockCells * kCellSize;
  cv::resize(levels * 60, big, cv::Size(levels.cols * block, levels.rows * block), 0, 0, cv::INTER_NEAREST);
  return big(cv::Rect(0, 0, imageSize.width, imageSize.height)).clone();
}

}  // namespace ridgeline::fingerprint
