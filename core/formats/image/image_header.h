#pragma once
// Reads image dimensions and stated resolution from the file header alone,
// so a decompression bomb is refused before any pixel is decoded and the
// resolution survives (OpenCV's decoders drop it).
#include <cstdint>
#include <span>
#include <string>

#include "core/formats/image/image_codec.h"

namespace ridgeline {

struct ImageHeaderInfo {
  int width = 0;
  int height = 0;
  double ppi = 0;  // 0 when the header states none
  std::string unsupported;  // non-empty: a variant we know the decoders cannot read, and why
};

// Throws InputError naming the format and offset when the header is malformed.
ImageHeaderInfo probeImageHeader(std::span<const std::uint8_t> bytes, ImageFormat format);

}  // namespace ridgeline
