#pragma once
// A minutia while the extractor still works on it: working-resolution pixel
// position, image-coordinate angle, and the evidence later stages weigh.
#include <opencv2/core/types.hpp>

#include "core/model/vocabulary.h"

namespace ridgeline::fingerprint {

struct MinutiaCandidate {
  cv::Point pos;           // skeleton pixel at 500 ppi
  MinutiaType type = MinutiaType::Unknown;
  float angle = 0;         // radians, image coordinates (y down), see minutiae_detection.h
  float quality = 0;       // 0..1
};

}  // namespace ridgeline::fingerprint
