// libFuzzer target for image import: format sniffing, our header probes
// (size cap, resolution) and the OpenCV decoders behind them. Any input must
// end in an 8-bit grey image or an InputError; a decoded image small enough to
// keep the fuzzer quick then goes through the fingerprint extractor, which
// must give a feature set or an InputError, and the feature set is matched
// against itself (the ridge detail the extractor keeps is read only there).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "core/fingerprint/extractor.h"
#include "core/fingerprint/matcher.h"
#include "core/formats/image/image_codec.h"
#include "core/util/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ridgeline::DecodeLimits limits;
  limits.maxPixels = 4'000'000;
  try {
    const auto img = ridgeline::decodeImage(std::span<const std::uint8_t>(data, size), ridgeline::ImageFormat::Unknown, limits);
    if (img.pixels.empty() || img.pixels.type() != CV_8UC1) std::abort();
    if (img.pixels.total() <= 300'000) {
      const auto features = ridgeline::fingerprint::extractFeatures(img.pixels, 500);
      const auto result = ridgeline::fingerprint::matchFeatures(features, features);
      if (!(result.score >= 0 && result.score <= 1)) std::abort();
    }
  } catch (const ridgeline::InputError&) {
  }
  return 0;
}
