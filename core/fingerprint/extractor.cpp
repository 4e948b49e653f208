#include "core/fingerprint/extractor.h"

#include <cmath>

#include <opencv2/imgproc.hpp>

#include "core/fingerprint/binarization.h"
#include "core/fingerprint/clarity_map.h"
#include "core/fingerprint/contextual_enhancement.h"
#include "core/fingerprint/false_minutiae_removal.h"
#include "core/fingerprint/field_grid.h"
#include "core/fingerprint/minutiae_detection.h"
#include "core/fingerprint/normalization.h"
#include "core/fingerprint/orientation_field.h"
#include "core/fingerprint/quality_score.h"
#include "core/fingerprint/ridge_detail.h"
#include "core/fingerprint/ridge_flow_map.h"
#include "core/fingerprint/ridge_frequency.h"
#include "core/fingerprint/ridge_response.h"
#include "core/fingerprint/segmentation.h"
#include "core/fingerprint/thinning.h"
#include "core/fingerprint/working_resolution.h"
#include "core/util/errors.h"

namespace ridgeline::fingerprint {

namespace {
void step(Progress* progress, double fraction, const char* what) {
  if (!progress) return;
  progress->checkCancelled();
  progress->report(fraction, what);
}

cv::Mat toByteView(const cv::Mat& image, double scale, double offset) {
  cv::Mat out;
  image.convertTo(out, CV_8U, scale, offset);
  return out;
}

// Outline of the region in source pixels, few vertices: the ROI an examiner sees.
std::vector<Point2> regionPolygon(const cv::Mat& foreground, double scale) {
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(foreground.clone(), contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  std::vector<Point2> polygon;
  if (contours.empty()) return polygon;
  const auto& largest = *std::max_element(contours.begin(), contours.end(), [](const auto& a, const auto& b) {
    return cv::contourArea(a) < cv::contourArea(b);
  });
  std::vector<cv::Point> simple;
  cv::approxPolyDP(largest, simple, 2.0, true);
  for (const auto& p : simple) polygon.push_back({p.x / scale, p.y / scale});
  return polygon;
}

Minutia toModel(const MinutiaCandidate& c, double scale) {
  Minutia m;
  m.x = c.pos.x / scale;
  m.y = c.pos.y / scale;
  m.direction = normalizeAngle(-double(c.angle));  // image y-down to the model's y-up convention
  m.type = c.type;
  m.quality = int(std::lround(100 * c.quality));
  return m;
}

WorkingImage checkedWorkingImage(const cv::Mat& gray, double sourcePpi) {
  if (gray.empty() || gray.type() != CV_8UC1) throw InputError("fingerprint image must be 8-bit grey and not empty");
  WorkingImage work = toWorkingResolution(gray, sourcePpi);
  if (work.gray.cols < 2 * kCellSize || work.gray.rows < 2 * kCellSize) throw InputError("fingerprint image too small");
  return work;
}

// The stages every later one reads: orientation, coherence and the region.
FieldGrid flowFields(const cv::Mat& workingGray, const cv::Mat& normalized) {
  FieldGrid fields;
  OrientationField orientation = computeOrientationField(normalized);
  fields.orientation = orientation.orientation;
  fields.coherence = orientation.coherence;
  fields.foreground = segmentFingerprint(workingGray, fields.coherence);
  return fields;
}

// The ridges enhanced along the first orientation; then the orientation
// re-estimated on them, which the minutiae and the ridge flow map read.
cv::Mat enhanceAndRefine(const cv::Mat& normalized, FieldGrid& fields) {
  cv::Mat enhanced = enhanceRidges(normalized, fields);
  fields.orientation = refineOrientation(enhanced);
  return enhanced;
}
}  // namespace

RidgeEvidence extractRidgeEvidence(const cv::Mat& gray, double sourcePpi) {
  const WorkingImage work = checkedWorkingImage(gray, sourcePpi);
  const cv::Mat normalized = normalizeContrast(work.gray);
  FieldGrid fields = flowFields(work.gray, normalized);
  fields.period = estimateRidgePeriod(normalized, fields.orientation, fields.foreground);
  const cv::Mat enhanced = enhanceAndRefine(normalized, fields);  // the same flow and ridges as extractFeatures gives
  return {toRidgeFlowMap(fields, work.scale), toRidgeDetailImage(toByteView(enhanced, -300, 128), work.scale)};
}

FeatureSet extractFeatures(const cv::Mat& gray, double sourcePpi, ExtractionTrace* trace, Progress* progress) {
  const WorkingImage work = checkedWorkingImage(gray, sourcePpi);
  if (trace) trace->add(kStageWorking, work.gray);

  step(progress, 0.1, "normalising contrast");
  const cv::Mat normalized = normalizeContrast(work.gray);
  if (trace) trace->add(kStageNormalized, toByteView(normalized, -40, 128));

  step(progress, 0.2, "estimating ridge orientation");
  FieldGrid fields = flowFields(work.gray, normalized);
  const cv::Mat foreground = foregroundPixels(fields.foreground, work.gray.size());
  if (trace) trace->add(kStageSegmentation, foreground);

  step(progress, 0.35, "estimating ridge frequency");
  fields.period = estimateRidgePeriod(normalized, fields.orientation, fields.foreground);
  if (trace) trace->add(kStageFrequency, fields.period);

  step(progress, 0.5, "enhancing ridges");
  const cv::Mat enhanced = enhanceAndRefine(normalized, fields);
  if (trace) {
    // The orientation shown is the refined one: what the minutiae and the flow map were given.
    trace->add(kStageOrientation, fields.orientation);
    trace->add(kStageCoherence, toByteView(fields.coherence, 255, 0));
  }
  const cv::Mat enhancedView = toByteView(enhanced, -300, 128);
  if (trace) trace->add(kStageEnhanced, enhancedView);
  fields.response = relativeRidgeResponse(enhanced, fields.foreground);
  if (trace) trace->add(kStageResponse, toByteView(fields.response, 127.5, 0));  // 0..2 x the median
  const cv::Mat binary = binarizeRidges(enhanced, foreground);
  if (trace) trace->add(kStageBinary, binary);

  step(progress, 0.7, "thinning ridges");
  const cv::Mat skeleton = thinRidges(binary);
  if (trace) trace->add(kStageSkeleton, skeleton);

  step(progress, 0.85, "finding minutiae");
  const auto candidates = detectMinutiae(skeleton, fields);
  const auto kept = removeFalseMinutiae(candidates, skeleton, foreground, fields);
  const cv::Mat levels = clarityLevels(fields);
  if (trace) trace->add(kStageClarity, clarityPicture(levels, work.gray.size()));

  FeatureSet features;
  features.author = FeatureAuthor::LocalMatcher;
  features.authorName = kExtractorName;
  features.ppi = sourcePpi > 0 ? sourcePpi : kWorkingPpi;
  for (const auto& c : kept) features.minutiae.push_back(toModel(c, work.scale));
  features.regionOfInterest = regionPolygon(foreground, work.scale);
  features.clarity = toClarityMap(levels, work.scale);
  features.ridgeFlow = toRidgeFlowMap(fields, work.scale);
  features.ridgeDetail = toRidgeDetailImage(enhancedView, work.scale);
  features.quality = overallQuality(levels);
  step(progress, 1.0, "done");
  return features;
}

}  // namespace ridgeline::fingerprint
