#include "core/fingerprint/orientation_field.h"

#include <algorithm>
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

// The 3x3 Sobel gradients of one image row and, per pixel, the tensor terms
// (gx^2 - gy^2, 2 gx gy, gx^2 + gy^2). up, mid and down are the padded rows
// above, at and below it (one pixel of margin on each side).
void rowTensors(const float* up, const float* mid, const float* down, int width, float* a, float* b, float* e) {
  for (int x = 0; x < width; ++x) {
    const float gx = (up[x + 2] - up[x]) + 2 * (mid[x + 2] - mid[x]) + (down[x + 2] - down[x]);
    const float gy = (down[x] + 2 * down[x + 1] + down[x + 2]) - (up[x] + 2 * up[x + 1] + up[x + 2]);
    const float xx = gx * gx, yy = gy * gy;
    a[x] = xx - yy;
    b[x] = 2 * gx * gy;
    e[x] = xx + yy;
  }
}

// Adds each run of kCellSize terms to its cell (the last cell may hold fewer).
void addToCells(const float* terms, int width, float* cells) {
  const int whole = width / kCellSize;
  for (int c = 0; c < whole; ++c) {
    const float* t = terms + c * kCellSize;
    cells[c] += (t[0] + t[1]) + (t[2] + t[3]);
  }
  for (int x = whole * kCellSize; x < width; ++x) cells[whole] += terms[x];
}

// The gradient structure tensor of image averaged over each grid cell, as
// planes: (gx^2 - gy^2, 2 gx gy) in doubled-angle form and, when withEnergy,
// the energy gx^2 + gy^2. One pass over the image, row by row, with no
// image-sized products: those cost more in memory traffic than in arithmetic.
std::vector<cv::Mat> cellTensors(const cv::Mat& image, double preBlurSigma, bool withEnergy) {
  static_assert(kCellSize == 4, "addToCells sums runs of four");
  cv::Mat smooth, padded;
  if (preBlurSigma > 0)
    cv::GaussianBlur(image, smooth, cv::Size(), preBlurSigma);
  else
    smooth = image;
  cv::copyMakeBorder(smooth, padded, 1, 1, 1, 1, cv::BORDER_REFLECT_101);  // as cv::Sobel's border
  const cv::Size grid = gridSizeFor(image.size());
  std::vector<cv::Mat> cells(withEnergy ? 3 : 2);
  for (auto& c : cells) c = cv::Mat::zeros(grid, CV_32F);
  std::vector<float> a(size_t(image.cols)), b(a.size()), e(a.size());
  for (int y = 0; y < image.rows; ++y) {
    rowTensors(padded.ptr<float>(y), padded.ptr<float>(y + 1), padded.ptr<float>(y + 2), image.cols, a.data(), b.data(),
               e.data());
    const int row = y / kCellSize;
    addToCells(a.data(), image.cols, cells[0].ptr<float>(row));
    addToCells(b.data(), image.cols, cells[1].ptr<float>(row));
    if (withEnergy) addToCells(e.data(), image.cols, cells[2].ptr<float>(row));
  }
  // Sums to means: edge cells hold fewer pixels.
  for (int r = 0; r < grid.height; ++r)
    for (int c = 0; c < grid.width; ++c) {
      const int h = std::min(kCellSize, image.rows - r * kCellSize), w = std::min(kCellSize, image.cols - c * kCellSize);
      for (auto& plane : cells) plane.at<float>(r, c) /= float(h * w);
    }
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
