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
  cv::Mat ridges = (enhanced > 0) & foreground;
  removeSmallBlobs(ridges, 255);
  // Valley holes: only inside the foreground, or the background would count as one big valley.
  cv::Mat valleysInside = ridges.clone();
  valleysInside.setTo(255, foreground == 0);
  removeSmallBlobs(valleysInside, 0);
  return valleysInside & foreground;
}

}  // namespace ridgeline::fingerprint
