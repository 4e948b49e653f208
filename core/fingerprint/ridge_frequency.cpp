#include "core/fingerprint/ridge_frequency.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "core/fingerprint/field_grid.h"

namespace ridgeline::fingerprint {

namespace {
constexpr int kBlockCells = 4;        // one estimate per 16 x 16 px block
constexpr int kSignatureLength = 32;  // samples across the ridges: 3-4 periods
constexpr int kAlongHalf = 6;         // samples averaged along the ridge, each side
// Plausible adult ridge periods at 500 ppi (Hong et al. use 3-25 px; a tighter
// band rejects the creases and noise that produce the extremes).
constexpr double kMinPeriod = 5.0, kMaxPeriod = 15.0;

// Mean period between the signature's peaks, or 0 when there is no clear rhythm.
double signaturePeriod(const std::array<float, kSignatureLength>& s) {
  std::vector<int> peaks;
  for (int k = 1; k + 1 < kSignatureLength; ++k)
    if (s[k] > s[k - 1] && s[k] >= s[k + 1] && s[k] > 0.1f) peaks.push_back(k);
  if (peaks.size() < 2) return 0;
  const double period = double(peaks.back() - peaks.front()) / double(peaks.size() - 1);
  return period >= kMinPeriod && period <= kMaxPeriod ? period : 0;
}

double blockPeriod(const cv::Mat& image, cv::Point2f centre, float theta) {
  const float tx = std::cos(theta), ty = std::sin(theta);  // along the ridge
  const float nx = -ty, ny = tx;                           // across the ridges
  std::array<float, kSignatureLength> raw{};
  for (int k = 0; k < kSignatureLength; ++k) {
    const float u = float(k - kSignatureLength / 2);
    float sum = 0;
    int count = 0;
    for (int d = -kAlongHalf; d <= kAlongHalf; ++d) {
      const int x = cvRound(centre.x + u * nx + float(d) * tx);
      const int y = cvRound(centre.y + u * ny + float(d) * ty);
      if (x < 0 || y < 0 || x >= image.cols || y >= image.rows) continue;
      sum += image.at<float>(y, x);
      ++count;
    }
    raw[k] = count ? sum / float(count) : 0;
  }
  std::array<float, kSignatureLength> s{};  // [1 2 1] smoothing against pixel noise
  for (int k = 0; k < kSignatureLength; ++k)
    s[k] = 0.25f * raw[std::max(0, k - 1)] + 0.5f * raw[k] + 0.25f * raw[std::min(kSignatureLength - 1, k + 1)];
  return signaturePeriod(s);
}
}  // namespace

cv::Mat estimateRidgePeriod(const cv::Mat& normalized, const cv::Mat& orientation, const cv::Mat& foreground) {
  const int blockRows = (orientation.rows + kBlockCells - 1) / kBlockCells;
  const int blockCols = (orientation.cols + kBlockCells - 1) / kBlockCells;
  cv::Mat period = cv::Mat::zeros(blockRows, blockCols, CV_32F);
  cv::Mat valid = cv::Mat::zeros(blockRows, blockCols, CV_32F);
  std::vector<float> found;
  for (int br = 0; br < blockRows; ++br) {
    for (int bc = 0; bc < blockCols; ++bc) {
      const int gr = std::min(orientation.rows - 1, br * kBlockCells + kBlockCells / 2);
      const int gc = std::min(orientation.cols - 1, bc * kBlockCells + kBlockCells / 2);
      if (!foreground.at<uchar>(gr, gc)) continue;
      const cv::Point2f centre((float(gc) + 0.5f) * kCellSize, (float(gr) + 0.5f) * kCellSize);
      const double p = blockPeriod(normalized, centre, orientation.at<float>(gr, gc));
      if (p <= 0) continue;
      period.at<float>(br, bc) = float(p);
      valid.at<float>(br, bc) = 1;
      found.push_back(float(p));
    }
  }
  float fallback = float(kDefaultRidgePeriod);
  if (found.size() >= 4) {
    std::nth_element(found.begin(), found.begin() + long(found.size() / 2), found.end());
    fallback = found[found.size() / 2];
  }
  // Normalised convolution: blocks without a reading borrow a weighted mean of
  // their neighbours; the print's median stands in where there are none.
  cv::Mat num, den;
  cv::GaussianBlur(period, num, cv::Size(), 1.5);
  cv::GaussianBlur(valid, den, cv::Size(), 1.5);
  cv::Mat blocks(blockRows, blockCols, CV_32F);
  for (int r = 0; r < blockRows; ++r)
    for (int c = 0; c < blockCols; ++c) {
      const float d = den.at<float>(r, c);
      const float local = d > 0.05f ? num.at<float>(r, c) / d : fallback;
      // Blend towards the median where evidence is thin: a single odd block must not bend the filter.
      const float w = std::min(1.0f, d);
      blocks.at<float>(r, c) = w * local + (1 - w) * fallback;
    }
  cv::Mat grid;
  cv::resize(blocks, grid, orientation.size(), 0, 0, cv::INTER_LINEAR);
  return grid;
}

}  // namespace ridgeline::fingerprint
