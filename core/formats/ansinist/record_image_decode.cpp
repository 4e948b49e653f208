// Decodes a record's image through the shared codec interface.
#include "core/formats/ansinist/record_image.h"
#include "core/util/errors.h"

namespace ridgeline::ansinist {

GrayImage decodeRecordImage(const Transaction& t, std::size_t index, const DecodeLimits& limits) {
  const auto info = recordImageInfo(t, index);
  const Record& r = t.records[index];
  if (!info) throw InputError("ANSI/NIST " + describeRecord(r, index) + " carries no image");
  if (!info->decodable) throw InputError("ANSI/NIST " + describeRecord(r, index) + ": " + info->note);
  GrayImage image;
  try {
    image = info->format == ImageFormat::Raw ? decodeRawImage(info->data, info->width, info->height, limits)
                                             : decodeImage(info->data, info->format, limits);
  } catch (const InputError& e) {
    throw InputError("ANSI/NIST " + describeRecord(r, index) + ", image data: " + e.what());
  }
  if (image.ppi <= 0) image.ppi = info->ppi;
  if (info->width && info->height && (image.pixels.cols != info->width || image.pixels.rows != info->height))
    image.warnings.push_back("decoded image is " + std::to_string(image.pixels.cols) + "x" +
                             std::to_string(image.pixels.rows) + " but the record's HLL/VLL say " +
                             std::to_string(info->width) + "x" + std::to_string(info->height));
  return image;
}

}  // namespace ridgeline::ansinist
