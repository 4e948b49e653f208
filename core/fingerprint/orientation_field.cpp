#include "core/fingerprint/orientation_field.h"

#include <cmath>
#include <numbers>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "core/fingerprint/field_grid.h"

namespace ridgeline::fingerprint {

namespace {
// Tensor averaging for coherence: ~8 px, about one ridge period each side, so
// coherence stays local enough to find smudged spots.
constexpr double kCoherenceSigmaCells = 2.0;
// Orientation is averaged wider (~14 px): noisy and latent-like prints need the
// extra smoothing more than cores need the sharpness.
constexpr double kOrientationSigmaCells = 3.5;

// The gradient structure tensor of image averaged over each grid cell, as
// planes: (gx^2 - gy^2, 2 gx gy) in doubled-angle form and, when withEnergy,
// the energy gx^2 + gy^2. Whole-image products and one area resize per plane:
// OpenCV vectorises both.
std::vector<cv::Mat> cellTensors(const cv::Mat& image, double preBlurSigma, bool withEnergy) {
  cv::Mat smooth, gx, gy;
  if (preBlurSigma > 0)
    cv::GaussianBlur(image, smooth, cv::Size(), preBlurSigma);
  else
    smooth = image;
  cv::Sobel(smooth, gx, CV_32F, 1, 0, 3);
  cv::Sobel(smooth, gy, CV_32F, 0, 1, 3);
  cv::Mat xx, yy, xy;
  cv::multiply(gx, gx, xx);
  cv::multiply(gy, gy, yy);
  cv::multiply(gx, gy, xy, 2.0);
  std::vector<cv::Mat> pixels{xx - yy, xy};
  if (withEnergy) pixels.push_back(xx + yy);
  const cv::Size grid = gridSizeFor(image.size());
  std::vector<cv::Mat> cells(pixels.size());
  for (size_t k = 0; k < pixels.size(); ++k) cv::resize(pixels[k], cells[k], grid, 0, 0, cv::INTER_AREA);
  return cells;
}

// Ridge direction in [0, pi) per cell from the smoothed doubled-angle components:
// the dominant gradient is perpendicular to the ridges.
cv::Mat ridgeDirections(const cv::Mat& a, const cv::Mat& b) {
  cv::Mat orientation(a.size(), CV_32F);
  for (int r = 0; r < a.rows; ++r)
    for (int c = 0; c < a.cols; ++c) {
      double ridge = 0.5 * std::atan2(b.at<float>(r, c), a.at<float>(r, c)) + std::numbers::pi / 2;
      if (ridge >= std::numbers::pi) ridge -= std::numbers::pi;
      if (ridge < 0) ridge += std::numbers::pi;
      orientation.at<float>(r, c) = static_cast<float>(ridge);
    }
  return orientation;
}
}  // namespace

cv::Size gridSizeFor(const cv::Size& imageSize) {
  return {(imageSize.width + kCellSize - 1) / kCellSize, (imageSize.height + kCellSize - 1) / kCellSize};
}

OrientationField computeOrientationField(const cv::Mat& normalized) {
  const std::vector<cv::Mat> cells = cellTensors(normalized, 1.0, true);
  const cv::Mat &ga = cells[0], &gb = cells[1], &ge = cells[2];

  cv::Mat ca, cb, ce, oa, ob;
  cv::GaussianBlur(ga, ca, cv::Size(), kCoherenceSigmaCells);
  cv::GaussianBlur(gb, cb, cv::Size(), kCoherenceSigmaCells);
  cv::GaussianBlur(ge, ce, cv::Size(), kCoherenceSigmaCells);
  cv::GaussianBlur(ga, oa, cv::Size(), kOrientationSigmaCells);
  cv::GaussianBlur(gb, ob, cv::Size(), kOrientationSigmaCells);

  OrientationField field;
  field.orientation = ridgeDirections(oa, ob);
  field.coherence.create(ga.size(), CV_32F);
  for (int r = 0; r < ga.rows; ++r)
    for (int c = 0; c < ga.cols; ++c) {
      const float energy = ce.at<float>(r, c);
      const float strength = std::hypot(ca.at<float>(r, c), cb.at<float>(r, c));
      field.coherence.at<float>(r, c) = energy > 1e-6f ? std::min(1.0f, strength / energy) : 0.0f;
    }
  return field;
}

cv::Mat refineOrientation(const cv::Mat& enhanced) {
  // The enhanced image is band-passed already: no pre-blur.
  const std::vector<cv::Mat> cells = cellTensors(enhanced, 0, false);
  cv::Mat oa, ob;
  cv::GaussianBlur(cells[0], oa, cv::Size(), kOrientationSigmaCells);
  cv::GaussianBlur(cells[1], ob, cv::Size(), kOrientationSigmaCells);
  return ridgeDirections(oa, ob);
}

}  // namespace ridgeline::fingerprint
