#pragma once
// Loads a face photo for the engine: JPEG, PNG, BMP or PNM (formats whose
// size can be checked in the header before decoding), EXIF orientation
// applied, as 8-bit BGR. Hostile input gets an InputError naming the file
// and what is wrong. Photos in other formats (JPEG 2000 from an ANSI/NIST
// record, TIFF, WSQ) are decoded by core/formats and handed over as cv::Mat.
#include <cstdint>
#include <span>
#include <string>

#include <opencv2/core/mat.hpp>

namespace ridgeline::face {

struct PhotoLimits {
  std::uintmax_t maxFileBytes = 64ull << 20;  // 64 MiB
  int minSide = 16;                           // smaller cannot hold a usable face
  int maxSide = 20000;
  std::int64_t maxPixels = 100'000'000;
};

// `what` names the source in messages (a path, "photo A", ...).
cv::Mat decodeFacePhoto(std::span<const std::uint8_t> bytes, const std::string& what,
                        const PhotoLimits& limits = {});
cv::Mat loadFacePhoto(const std::string& path, const PhotoLimits& limits = {});

}  // namespace ridgeline::face
