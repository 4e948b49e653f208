#pragma once
// Block-wise fields of a fingerprint at the working resolution (500 ppi).
// Fields live on a coarse grid (one cell = kCellSize pixels) because ridge
// flow changes slowly against the ~9 px ridge period; this keeps every stage
// cheap. Angles are in image coordinates (x right, y down, measured from +x
// towards +y); formats and the model convert at their edge.
#include <opencv2/core/mat.hpp>

namespace ridgeline::fingerprint {

inline constexpr int kCellSize = 4;            // pixels per grid cell side
inline constexpr double kWorkingPpi = 500.0;   // every stage assumes this resolution
inline constexpr double kDefaultRidgePeriod = 9.0;  // px at 500 ppi, adult fingers

struct FieldGrid {
  cv::Mat foreground;   // CV_8U, 255 = finger region (segmentation)
  cv::Mat orientation;  // CV_32F, ridge direction in [0, pi)
  cv::Mat coherence;    // CV_32F, 0 (isotropic/noise) .. 1 (clean parallel ridges)
  cv::Mat period;       // CV_32F, ridge period in pixels
  cv::Mat response;     // CV_32F, the filter's ridge response relative to the print's median (ridge_response.h)
  int rows() const { return foreground.rows; }
  int cols() const { return foreground.cols; }
};

}  // namespace ridgeline::fingerprint
