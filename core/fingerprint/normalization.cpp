#include "core/fingerprint/normalization.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace ridgeline::fingerprint {

namespace {
// A window of ~2 ridge periods: wide enough to hold a ridge and a valley,
// narrow enough to follow pressure changes across the finger.
constexpr double kWindowSigma = 8.0;
// Deviation floor (grey levels): keeps flat background from being amplified into fake ridges.
constexpr float kMinDeviation = 4.0f;
// The window is wide against the ridge period, so the local mean and mean
// square vary slowly: they are blurred at half resolution (a quarter of the
// pixels, a 33- instead of a 65-tap kernel) and interpolated back. The full
// resolution blur was the extractor's costliest step.
constexpr int kDecimation = 2;
// Mirrored margin (4 sigma) so the image edges see the same reflected
// neighbourhood as a full-resolution blur would; without it the edge rows
// differed by up to 0.3 in normalised contrast.
constexpr int kMargin = 32;

// Gaussian-weighted local average (sigma kWindowSigma), same size as the input.
cv::Mat localAverage(const cv::Mat& image) {
  cv::Mat padded, small, average;
  cv::copyMakeBorder(image, padded, kMargin, kMargin, kMargin, kMargin, cv::BORDER_REFLECT_101);
  const cv::Size coarse((padded.cols + kDecimation - 1) / kDecimation, (padded.rows + kDecimation - 1) / kDecimation);
  cv::resize(padded, small, coarse, 0, 0, cv::INTER_AREA);
  // The box average and the linear interpolation each add about (k^2 - 1) / 12 px^2 of blur.
  const double added = 2.0 * (kDecimation * kDecimation - 1) / 12.0;
  cv::GaussianBlur(small, small, cv::Size(), std::sqrt(kWindowSigma * kWindowSigma - added) / kDecimation);
  cv::resize(small, average, padded.size(), 0, 0, cv::INTER_LINEAR);
  return average(cv::Rect(kMargin, kMargin, image.cols, image.rows));
}
}  // namespace

cv::Mat normalizeContrast(const cv::Mat& gray) {
  cv::Mat image, square;
  gray.convertTo(image, CV_32F);
  cv::multiply(image, image, square);
  const cv::Mat mean = localAverage(image), meanSq = localAverage(square);
  // One pass per row instead of six whole-image temporaries.
  cv::Mat normalized(gray.size(), CV_32F);
  for (int y = 0; y < gray.rows; ++y) {
    const float *v = image.ptr<float>(y), *m = mean.ptr<float>(y), *m2 = meanSq.ptr<float>(y);
    float* out = normalized.ptr<float>(y);
    for (int x = 0; x < gray.cols; ++x) {
      const float variance = std::max(m2[x] - m[x] * m[x], kMinDeviation * kMinDeviation);
      out[x] = std::clamp((m[x] - v[x]) / std::sqrt(variance), -3.0f, 3.0f);  // dark ridges become positive
    }
  }
  return normalized;
}

}  // namespace ridgeline::fingerprint
