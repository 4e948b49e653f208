#include "core/fingerprint/binarization.h"

#include <opencv2/imgproc.hpp>

namespace ridgeline::fingerprint {

namespace {
// Area in px at 500 ppi below which a blob is noise: a ridge segment must be
// longer than about two ridge widths to be real.
constexpr int kMinBlobArea = 20;

void removeSmallBlobs(cv::Mat& binary, uchar value) {
  cv::Mat of = binary == value;
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(of, labels, stats, centroids, 8, CV_32S);
  std::vector<uchar> small(static_cast<size_t>(n), 0);
  for (int i = 1; i < n; ++i) small[size_t(i)] = stats.at<int>(i, cv::CC_STAT_AREA) < kMinBlobArea;
  for (int y = 0; y < binary.rows; ++y) {
    const int* l = labels.ptr<int>(y);
    uchar* b = binary.ptr<uchar>(y);
    for (int x = 0; x < binary.cols; ++x)
      if (l[x] > 0 && small[size_t(l[x])]) b[x] = uchar(255 - value);
  }
}
}  // namespace

cv::Mat binarizeRidges(const cv::Mat& enhanced, const cv::Mat& foreground) {
  cv::Mat binary = cv::Mat::zeros(enhanced.size(), CV_8U);
  // Every blob lies inside the region, so only its bounding box is labelled:
  // on wide scans (640 x 480) the finger covers half the frame or less.
  const cv::Rect box = cv::boundingRect(foreground);
  if (box.empty()) return binary;
  const cv::Mat region = foreground(box);
  cv::Mat ridges = (enhanced(box) > 0) & region;
  removeSmallBlobs(ridges, 255);
  // Valley holes: only inside the foreground, or the background would count as one big valley.
  cv::Mat valleysInside = ridges | ~region;
  removeSmallBlobs(valleysInside, 0);
  cv::bitwise_and(valleysInside, region, binary(box));
  return binary;
}

}  // namespace ridgeline::fingerprint
