#pragma once
// The local extractor: image in, FeatureSet (author LocalMatcher) out, through
// the named stages of this folder. Pass a trace to keep every intermediate
// image for the GUI; stage names are the kStage* constants below.
#include <string>

#include <opencv2/core/mat.hpp>

#include "core/fingerprint/extraction_trace.h"
#include "core/model/feature_set.h"
#include "core/util/progress.h"

namespace ridgeline::fingerprint {

inline constexpr const char* kStageWorking = "working image";        // 8-bit, 500 ppi
inline constexpr const char* kStageNormalized = "normalized";         // 8-bit view of local contrast
inline constexpr const char* kStageSegmentation = "segmentation";     // 255 = region of interest
inline constexpr const char* kStageOrientation = "orientation";       // grid, CV_32F radians (image coords)
inline constexpr const char* kStageCoherence = "coherence";           // grid, 8-bit 0..255
inline constexpr const char* kStageFrequency = "ridge period";        // grid, CV_32F px
inline constexpr const char* kStageEnhanced = "enhanced";             // 8-bit, ridges dark
inline constexpr const char* kStageResponse = "ridge response";       // grid, 8-bit, 128 = the print's median
inline constexpr const char* kStageBinary = "binary";                 // 255 = ridge
inline constexpr const char* kStageSkeleton = "skeleton";             // 255 = ridge centre line
inline constexpr const char* kStageClarity = "clarity";               // 8-bit, level * 60

inline const std::string kExtractorName = "Ridgeline local extractor 1";

// gray: CV_8UC1 at sourcePpi (<= 0: 500). Coordinates come back in source pixels.
FeatureSet extractFeatures(const cv::Mat& gray, double sourcePpi, ExtractionTrace* trace = nullptr,
                           Progress* progress = nullptr);

// What the matcher reads from the image besides the minutiae (the first
// stages of the extractor): for feature sets that came without it (the hub's,
// an examiner's, stored ones, since ridge detail is not saved). Flow and
// ridges are properties of the image, whoever marked the minutiae.
struct RidgeEvidence {
  RidgeFlowMap flow;
  RidgeDetailImage detail;
};
RidgeEvidence extractRidgeEvidence(const cv::Mat& gray, double sourcePpi);

}  // namespace ridgeline::fingerprint
