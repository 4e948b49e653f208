#include "core/fingerprint/fingerprint_image.h"

#include "core/formats/image/image_codec.h"

namespace ridgeline::fingerprint {

FingerprintImage loadFingerprintImage(const std::string& path) {
  // The shared codec: WSQ as well as the common formats, the resolution
  // from the file where it says one, and the same limits on hostile headers.
  GrayImage decoded = readImageFile(path);
  return {decoded.pixels, decoded.ppi};
}

}  // namespace ridgeline::fingerprint
