#include "core/fingerprint/segmentation.h"

#include <algorithm>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "core/fingerprint/field_grid.h"

namespace ridgeline::fingerprint {

namespace {
constexpr float kMinDeviation = 7.0f;      // grey levels: below this nothing is a ridge
constexpr float kRelativeDeviation = 0.3f; // of the print's 90th percentile deviation
constexpr float kMinCoherence = 0.25f;     // random texture stays near 0.1 at this scale

cv::Mat localDeviation(const cv::Mat& gray, const cv::Size& grid) {
  cv::Mat image, mean, meanSq;
  gray.convertTo(image, CV_32F);
  cv::resize(image, mean, grid, 0, 0, cv::INTER_AREA);
  cv::resize(image.mul(image), meanSq, grid, 0, 0, cv::INTER_AREA);
  cv::GaussianBlur(mean, mean, cv::Size(), 2.0);
  cv::GaussianBlur(meanSq, meanSq, cv::Size(), 2.0);
  cv::Mat variance = meanSq - mean.mul(mean);
  cv::max(variance, 0, variance);
  cv::Mat deviation;
  cv::sqrt(variance, deviation);
  return deviation;
}

float percentile(const cv::Mat& values, double fraction) {
  std::vector<float> v(values.begin<float>(), values.end<float>());
  if (v.empty()) return 0;
  auto nth = v.begin() + static_cast<long>(fraction * static_cast<double>(v.size() - 1));
  std::nth_element(v.begin(), nth, v.end());
  return *nth;
}

// Keeps the largest connected region: a finger is one piece; specks of dirt are not.
cv::Mat largestComponent(const cv::Mat& mask) {
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
  int best = 0, bestArea = 0;
  for (int i = 1; i < n; ++i)
    if (stats.at<int>(i, cv::CC_STAT_AREA) > bestArea) bestArea = stats.at<int>(i, cv::CC_STAT_AREA), best = i;
  cv::Mat out = cv::Mat::zeros(mask.size(), CV_8U);
  if (best > 0) out.setTo(255, labels == best);
  return out;
}

// Holes inside the finger (a smudge, a scar) stay in the region: later
// stages judge them by clarity rather than pretending they are background.
cv::Mat fillHoles(const cv::Mat& mask) {
  cv::Mat padded;
  cv::copyMakeBorder(mask, padded, 1, 1, 1, 1, cv::BORDER_CONSTANT, 0);
  cv::Mat flood = padded.clone();
  cv::floodFill(flood, cv::Point(0, 0), 255);
  cv::Mat holes = ~flood;
  cv::Mat filled = padded | holes;
  return filled(cv::Rect(1, 1, mask.cols, mask.rows)).clone();
}
}  // namespace

cv::Mat segmentFingerprint(const cv::Mat& gray, const cv::Mat& coherence) {
  const cv::Size grid = coherence.size();
  const cv::Mat deviation = localDeviation(gray, grid);
  const float threshold = std::max(kMinDeviation, kRelativeDeviation * percentile(deviation, 0.9));
  cv::Mat mask = (deviation > threshold) & (coherence > kMinCoherence);
  const cv::Mat kernel = cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(5, 5));
  cv::morphologyEx(mask, mask, cv::MORPH_CLOSE, kernel);
  cv::morphologyEx(mask, mask, cv::MORPH_OPEN, kernel);
  mask = largestComponent(mask);
  mask = fillHoles(mask);
  // Too small to hold a comparable pattern (< ~3 x 3 ridge periods): no region at all.
  if (cv::countNonZero(mask) < 49) mask.setTo(0);
  return mask;
}

}  // namespace ridgeline::fingerprint
