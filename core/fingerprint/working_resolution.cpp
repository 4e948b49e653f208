#include "core/fingerprint/working_resolution.h"

#include <cmath>

#include <opencv2/imgproc.hpp>

#include "core/fingerprint/field_grid.h"

namespace ridgeline::fingerprint {

WorkingImage toWorkingResolution(const cv::Mat& gray, double sourcePpi) {
  WorkingImage out;
  const double ppi = sourcePpi > 0 ? sourcePpi : kWorkingPpi;
  out.scale = kWorkingPpi / ppi;
  // Within 2 % of 500 ppi the resampling blur costs more than the scale error.
  if (std::abs(out.scale - 1.0) < 0.02 || gray.empty()) {
    out.scale = 1.0;
    out.gray = gray;
    return out;
  }
  // INTER_AREA when shrinking avoids aliasing the ridge pattern; cubic when enlarging.
  const int interpolation = out.scale < 1.0 ? cv::INTER_AREA : cv::INTER_CUBIC;
  cv::resize(gray, out.gray, cv::Size(), out.scale, out.scale, interpolation);
  return out;
}

}  // namespace ridgeline::fingerprint
