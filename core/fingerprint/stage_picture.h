#pragma once
// Pictures of the extractor's stages for the examiner (how the automatic
// minutiae were found, the transparency SourceAFIS argues for). Each traced
// stage is drawn at the size of the source image, so it lies exactly under
// the markup: images are resampled from the 500 ppi working resolution,
// field grids are drawn cell by cell.
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/fingerprint/extraction_trace.h"

namespace ridgeline::fingerprint {

// The stages a picture can be made of, in pipeline order (kStage* names).
const std::vector<std::string>& pictureStages();

// 8-bit grey or BGR picture of `stage` at `sourceSize`; empty when the trace
// lacks the stage. Orientation: ridge-direction strokes over the working
// image. Ridge period: a colour scale from 5 px (dark blue) to 15 px
// (yellow) at 500 ppi. Coherence and clarity: grey, brighter = clearer.
cv::Mat stagePicture(const ExtractionTrace& trace, const std::string& stage, cv::Size sourceSize);

}  // namespace ridgeline::fingerprint
