#include "core/fingerprint/orientation_field.h"

#include <cmath>
#include <numbers>

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
}  // namespace

cv::Size gridSizeFor(const cv::Size& imageSize) {
  return {(imageSize.width + kCellSize - 1) / kCellSize, (imageSize.height + kCellSize - 1) / kCellSize};
}

OrientationField computeOrientationField(const cv::Mat& normalized) {
  cv::Mat smooth, gx, gy;
  cv::GaussianBlur(normalized, smooth, cv::Size(), 1.0);
  cv::Sobel(smooth, gx, CV_32F, 1, 0, 3);
  cv::Sobel(smooth, gy, CV_32F, 0, 1, 3);
  // Doubled-angle components of the gradient: (gx^2 - gy^2, 2 gx gy) and the
  // energy gx^2 + gy^2, made in one pass and packed so one area resize averages all three.
  cv::Mat tensor(normalized.size(), CV_32FC3);
  for (int y = 0; y < normalized.rows; ++y) {
    const float *dx = gx.ptr<float>(y), *dy = gy.ptr<float>(y);
    float* t = tensor.ptr<float>(y);
    for (int x = 0; x < normalized.cols; ++x, t += 3) {
      const float xx = dx[x] * dx[x], yy = dy[x] * dy[x];
      t[0] = xx - yy;
      t[1] = dx[x] * dy[x] * 2;
      t[2] = xx + yy;
    }
  }
  const cv::Size grid = gridSizeFor(normalized.size());
  cv::Mat cells, ga, gb, ge;
  cv::resize(tensor, cells, grid, 0, 0, cv::INTER_AREA);
  cv::extractChannel(cells, ga, 0);
  cv::extractChannel(cells, gb, 1);
  cv::extractChannel(cells, ge, 2);

  cv::Mat ca, cb, ce, oa, ob;
  cv::GaussianBlur(ga, ca, cv::Size(), kCoherenceSigmaCells);
  cv::GaussianBlur(gb, cb, cv::Size(), kCoherenceSigmaCells);
  cv::GaussianBlur(ge, ce, cv::Size(), kCoherenceSigmaCells);
  cv::GaussianBlur(ga, oa, cv::Size(), kOrientationSigmaCells);
  cv::GaussianBlur(gb, ob, cv::Size(), kOrientationSigmaCells);

  OrientationField field;
  field.orientation.create(grid, CV_32F);
  field.coherence.create(grid, CV_32F);
  for (int r = 0; r < grid.height; ++r) {
    for (int c = 0; c < grid.width; ++c) {
      // The dominant gradient is perpendicular to the ridges.
      const double gradientAngle = 0.5 * std::atan2(ob.at<float>(r, c), oa.at<float>(r, c));
      double ridge = gradientAngle + std::numbers::pi / 2;
      if (ridge >= std::numbers::pi) ridge -= std::numbers::pi;
      if (ridge < 0) ridge += std::numbers::pi;
      field.orientation.at<float>(r, c) = static_cast<float>(ridge);
      const float energy = ce.at<float>(r, c);
      const float strength = std::hypot(ca.at<float>(r, c), cb.at<float>(r, c));
      field.coherence.at<float>(r, c) = energy > 1e-6f ? std::min(1.0f, strength / energy) : 0.0f;
    }
  }
  return field;
}

}  // namespace ridgeline::fingerprint
