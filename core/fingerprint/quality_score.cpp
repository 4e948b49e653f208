#include "core/fingerprint/quality_score.h"

#include <algorithm>
#include <cmath>

namespace ridgeline::fingerprint {

namespace {
// Clarity blocks (16 px) in a typical plain impression's useful area (~200 x 200 px at 500 ppi).
constexpr double kFullAreaBlocks = 160;
}

int overallQuality(const cv::Mat& levels) {
  double clear = 0;
  int inside = 0;
  for (auto it = levels.begin<uchar>(); it != levels.end<uchar>(); ++it) {
    if (*it == 0) continue;
    ++inside;
    clear += *it >= 3 ? 1.0 : *it == 2 ? 0.5 : 0.0;
  }
  if (inside == 0) return 0;
  // Clarity of what is there, times how much is there (square root: half the area is not half the value).
  const double clarity = clear / inside;
  const double area = std::min(1.0, inside / kFullAreaBlocks);
  return int(std::lround(100.0 * clarity * std::sqrt(area)));
}

}  // namespace ridgeline::fingerprint
