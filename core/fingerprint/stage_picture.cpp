#include "core/fingerprint/stage_picture.h"

#include <cmath>
#include <cstdint>

#include <opencv2/imgproc.hpp>

#include "core/fingerprint/extractor.h"
#include "core/fingerprint/field_grid.h"

namespace ridgeline::fingerprint {

namespace {
constexpr double kShortestPeriod = 5, kLongestPeriod = 15;  // px at 500 ppi, as the extractor bounds them
constexpr int kStrokeSpacing = 4;                           // grid cells between orientation strokes

cv::Mat toWorkingSize(const cv::Mat& grid, cv::Size working, int interpolation) {
  cv::Mat out;
  cv::resize(grid, out, working, 0, 0, interpolation);
  return out;
}

// Ridge direction every few cells inside the region (outside it the field is
// noise nobody should read), drawn over a faded working image.
cv::Mat orientationPicture(const cv::Mat& orientation, const cv::Mat& working, const cv::Mat& region) {
  cv::Mat faded, picture;
  working.convertTo(faded, CV_8U, 0.35, 165);
  cv::cvtColor(faded, picture, cv::COLOR_GRAY2BGR);
  const double half = kStrokeSpacing * kCellSize * 0.45;
  for (int r = kStrokeSpacing / 2; r < orientation.rows; r += kStrokeSpacing)
    for (int c = kStrokeSpacing / 2; c < orientation.cols; c += kStrokeSpacing) {
      const double a = orientation.at<float>(r, c);
      const cv::Point2d centre((c + 0.5) * kCellSize, (r + 0.5) * kCellSize);
      if (!region.empty() && !region.at<std::uint8_t>(cv::Point(centre))) continue;
      const cv::Point2d d(half * std::cos(a), half * std::sin(a));
      cv::line(picture, centre - d, centre + d, cv::Scalar(160, 60, 0), 1, cv::LINE_AA);
    }
  return picture;
}

cv::Mat periodPicture(const cv::Mat& period, cv::Size working) {
  cv::Mat scaled, coloured;
  period.convertTo(scaled, CV_8U, 255.0 / (kLongestPeriod - kShortestPeriod), -255.0 * kShortestPeriod / (kLongestPeriod - kShortestPeriod));
  cv::applyColorMap(toWorkingSize(scaled, working, cv::INTER_NEAREST), coloured, cv::COLORMAP_VIRIDIS);
  return coloured;
}

cv::Mat atWorkingSize(const ExtractionTrace& trace, const std::string& stage) {
  const cv::Mat working = trace.find(kStageWorking);
  const cv::Mat traced = trace.find(stage);
  if (traced.empty() || working.empty()) return {};
  if (stage == kStageOrientation) return orientationPicture(traced, working, trace.find(kStageSegmentation));
  if (stage == kStageFrequency) return periodPicture(traced, working.size());
  if (traced.size() == working.size()) return traced;
  return toWorkingSize(traced, working.size(), cv::INTER_NEAREST);
}
}  // namespace

const std::vector<std::string>& pictureStages() {
  static const std::vector<std::string> stages{kStageWorking,   kStageNormalized, kStageSegmentation, kStageOrientation,
                                               kStageCoherence, kStageFrequency,  kStageEnhanced,     kStageResponse,
                                               kStageBinary,    kStageSkeleton,   kStageClarity};
  return stages;
}

cv::Mat stagePicture(const ExtractionTrace& trace, const std::string& stage, cv::Size sourceSize) {
  const cv::Mat picture = atWorkingSize(trace, stage);
  if (picture.empty() || sourceSize.width <= 0 || sourceSize.height <= 0) return {};
  if (picture.size() == sourceSize) return picture.clone();
  // Thin lines (skeleton, strokes) survive shrinking better with area averaging.
  const bool shrinking = sourceSize.area() < picture.size().area();
  cv::Mat out;
  cv::resize(picture, out, sourceSize, 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
  return out;
}

}  // namespace ridgeline::fingerprint
