#include "core/fingerprint/segmentation.h"

#include <algorithm>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "core/fingerprint/field_grid.h"
#include "core/fingerprint/wide_blur.h"

namespace ridgeline::fingerprint {

namespace {
constexpr float kMinEnergy = 3.0f;        // grey levels (band-pass RMS): below this nothing is a ridge
constexpr float kRelativeEnergy = 0.3f;   // of the print's 95th percentile: the clear ridges set the scale
// Random texture and empty sensor stay near 0.1 at this scale (8 px). Ridges
// left as rows of dots and blotches (a latent, a dry or pressed print) read
// only 0.12-0.25 here, although an examiner follows their flow easily: a
// floor of 0.25 cut such areas out of the region, and the dots could not be
// enhanced into ridges at all. Minutiae still need coherence 0.2 where they
// stand (false_minutiae_removal.cpp); measured in docs/matcher.md, section 4.
constexpr float kMinCoherence = 0.12f;

// Energy in the ridge-frequency band (difference of Gaussians around the
// ~9 px period): ridges respond strongly, while the smooth shading and the
// fine grain of an empty sensor, which fool a plain grey-level deviation, do not.
cv::Mat ridgeBandEnergy(const cv::Mat& gray, const cv::Size& grid) {
  cv::Mat image, fine;
  gray.convertTo(image, CV_32F);
  cv::GaussianBlur(image, fine, cv::Size(), 1.5);
  // The coarse half keeps only what is wider than a ridge period.
  const cv::Mat coarse = wideGaussianBlur(image, 4.0);
  cv::Mat band = fine - coarse;
  cv::Mat power;
  cv::resize(band.mul(band), power, grid, 0, 0, cv::INTER_AREA);
  cv::GaussianBlur(power, power, cv::Size(), 1.5);
  cv::Mat energy;
  cv::sqrt(power, energy);
  return energy;
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
  const cv::Mat energy = ridgeBandEnergy(gray, grid);
  const float threshold = std::max(kMinEnergy, kRelativeEnergy * percentile(energy, 0.95));
  cv::Mat mask = (energy > threshold) & (coherence > kMinCoherence);
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
