#pragma once
// Loads a face photo for the engine: any still image OpenCV decodes (JPEG,
// PNG, BMP, TIFF, WebP, PNM...), EXIF orientation applied, as 8-bit BGR.
// Hostile input gets an InputError naming the file and what is wrong.
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
