// libFuzzer target for the face photo reader: any bytes must give a colour
// image within the limits or an InputError, never a crash or a hang.
#include <cstdint>
#include <span>

#include "core/face/face_photo.h"
#include "core/util/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  ridgeline::face::PhotoLimits limits;
  limits.maxPixels = 4'000'000;  // keep each run short
  try {
    const cv::Mat m = ridgeline::face::decodeFacePhoto(std::span(data, size), "fuzz input", limits);
    if (m.type() != CV_8UC3 || m.total() > static_cast<size_t>(limits.maxPixels)) __builtin_trap();
  } catch (const ridgeline::InputError&) {
  }
  return 0;
}
