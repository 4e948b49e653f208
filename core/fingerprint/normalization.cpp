#include "core/fingerprint/normalization.h"

#include <opencv2/imgproc.hpp>

namespace ridgeline::fingerprint {

namespace {
// A window of ~2 ridge periods: wide enough to hold a ridge and a valley,
// narrow enough to follow pressure changes across the finger.
constexpr double kWindowSigma = 8.0;
// Deviation floor (grey levels): keeps flat background from being amplified into fake ridges.
constexpr float kMinDeviation = 4.0f;
}  // namespace

cv::Mat normalizeContrast(const cv::Mat& gray) {
  cv::Mat image;
  gray.convertTo(image, CV_32F);
  cv::Mat mean, meanSq;
  cv::GaussianBlur(image, mean, cv::Size(), kWindowSigma);
  cv::GaussianBlur(image.mul(image), meanSq, cv::Size(), kWindowSigma);
  cv::Mat variance = meanSq - mean.mul(mean);
  cv::max(variance, kMinDeviation * kMinDeviation, variance);
  cv::Mat deviation;
  cv::sqrt(variance, deviation);
  cv::Mat normalized = (mean - image) / deviation;  // dark ridges become positive
  cv::min(normalized, 3.0, normalized);
  cv::max(normalized, -3.0, normalized);
  return normalized;
}

}  // namespace ridgeline::fingerprint
