#include "core/fingerprint/normalization.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "core/fingerprint/wide_blur.h"

namespace ridgeline::fingerprint {

namespace {
// A window of ~2 ridge periods: wide enough to hold a ridge and a valley,
// narrow enough to follow pressure changes across the finger.
constexpr double kWindowSigma = 8.0;
// Deviation floor (grey levels): keeps flat background from being amplified into fake ridges.
constexpr float kMinDeviation = 4.0f;
}  // namespace

cv::Mat normalizeContrast(const cv::Mat& gray) {
  cv::Mat image, square;
  gray.convertTo(image, CV_32F);
  cv::multiply(image, image, square);
  const cv::Mat mean = wideGaussianBlur(image, kWindowSigma), meanSq = wideGaussianBlur(square, kWindowSigma);
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
