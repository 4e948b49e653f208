#pragma once
// Reads a photo's format and pixel size from its header, before any pixel
// is decoded: a hostile file can declare 60000x60000 pixels in a few hundred
// bytes, and the decoder would allocate gigabytes before anyone could check.
#include <cstdint>
#include <span>
#include <string>

#include <opencv2/core/types.hpp>

namespace ridgeline::face {

enum class PhotoFormat { Jpeg, Png, Bmp, Pnm };

struct PhotoHeader {
  PhotoFormat format;
  cv::Size size;
};

// Throws InputError (prefixed with `what`) for formats other than JPEG,
// PNG, BMP and PNM, and for headers that are cut short or malformed.
PhotoHeader readPhotoHeader(std::span<const std::uint8_t> bytes, const std::string& what);

std::string photoFormatName(PhotoFormat format);

}  // namespace ridgeline::face
