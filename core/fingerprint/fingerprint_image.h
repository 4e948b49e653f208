#pragma once
// Loads a fingerprint image for the extractor. The one place that touches
// image files, so it can switch to the shared readImageFile
// (core/formats/image/image_codec.h) once that lands, without the stages noticing.
#include <string>

#include <opencv2/core/mat.hpp>

namespace ridgeline::fingerprint {

struct FingerprintImage {
  cv::Mat gray;     // CV_8UC1
  double ppi = 0;   // 0 = the file does not say
};

// Throws InputError naming the file when it cannot be read as an image.
FingerprintImage loadFingerprintImage(const std::string& path);

}  // namespace ridgeline::fingerprint
