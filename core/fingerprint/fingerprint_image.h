#pragma once
// Loads a fingerprint image for the extractor through the shared image
// codec (core/formats/image/image_codec.h): WSQ, PNG, TIFF, JPEG, JPEG 2000,
// BMP, PGM; 16-bit scans mapped to 8 bits.
#include <string>

#include <opencv2/core/mat.hpp>

namespace ridgeline::fingerprint {

struct FingerprintImage {
  cv::Mat gray;     // CV_8UC1
  double ppi = 0;   // 0 = the file does not say, or says something no scanner makes (72, 96 dpi)
};

// Throws InputError naming the file and the problem when it cannot be read.
FingerprintImage loadFingerprintImage(const std::string& path);

}  // namespace ridgeline::fingerprint
