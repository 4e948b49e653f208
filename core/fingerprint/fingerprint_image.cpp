#include "core/fingerprint/fingerprint_image.h"

#include "core/formats/image/image_codec.h"

namespace ridgeline::fingerprint {
namespace {

// Friction-ridge scans are 250-2000 ppi; image software stamps 72 or 96 dpi
// on files it touches (a converted SourceAFIS sample in the shared data says
// 96). A resolution outside that range is a label, not a measurement.
constexpr double kLowestPlausiblePpi = 250, kHighestPlausiblePpi = 2000;

}  // namespace

FingerprintImage loadFingerprintImage(const std::string& path) {
  // The shared codec: WSQ as well as the common formats, the resolution
  // from the file where it says one, and the same limits on hostile headers.
  GrayImage decoded = readImageFile(path);
  const bool plausible = decoded.ppi >= kLowestPlausiblePpi && decoded.ppi <= kHighestPlausiblePpi;
  return {decoded.pixels, plausible ? decoded.ppi : 0.0};
}

}  // namespace ridgeline::fingerprint
