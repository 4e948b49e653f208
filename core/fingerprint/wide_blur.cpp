#include "core/fingerprint/wide_blur.h"

#include <cmath>

#include <opencv2/imgproc.hpp>

namespace ridgeline::fingerprint {

namespace {
constexpr int kDecimation = 2;
}  // namespace

cv::Mat wideGaussianBlur(const cv::Mat& image, double sigma) {
  // Mirrored margin (4 sigma) so the image edges see the same reflected
  // neighbourhood as a full-resolution blur would; without it the edge rows
  // of normalisation differed by up to 0.3 in normalised contrast.
  const int margin = int(std::ceil(4 * sigma));
  cv::Mat padded, small, blurred;
  cv::copyMakeBorder(image, padded, margin, margin, margin, margin, cv::BORDER_REFLECT_101);
  const cv::Size coarse((padded.cols + kDecimation - 1) / kDecimation, (padded.rows + kDecimation - 1) / kDecimation);
  cv::resize(padded, small, coarse, 0, 0, cv::INTER_AREA);
  // The box average and the linear interpolation each add about (k^2 - 1) / 12 px^2 of blur.
  const double added = 2.0 * (kDecimation * kDecimation - 1) / 12.0;
  cv::GaussianBlur(small, small, cv::Size(), std::sqrt(sigma * sigma - added) / kDecimation);
  cv::resize(small, blurred, padded.size(), 0, 0, cv::INTER_LINEAR);
  return blurred(cv::Rect(margin, margin, image.cols, image.rows));
}

}  // namespace ridgeline::fingerprint
