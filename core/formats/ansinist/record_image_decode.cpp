// Decodes a record's image through the shared codec interface; uncompressed
// 1-bit (Types 5/6/8) and 24-bit RGB (Types 8/10/14...) data are first
// turned into 8-bit grey here, since they are record layouts, not codecs.
#include <opencv2/imgproc.hpp>

#include "core/formats/ansinist/record_image.h"
#include "core/util/errors.h"

namespace ridgeline::ansinist {
namespace {

void checkLimits(const RecordImageInfo& info, const DecodeLimits& limits) {
  if (info.width <= 0 || info.height <= 0 || info.width > limits.maxWidth || info.height > limits.maxHeight ||
      static_cast<std::int64_t>(info.width) * info.height > limits.maxPixels)
    throw InputError("image size " + std::to_string(info.width) + "x" + std::to_string(info.height) +
                     " is outside the decoding limits");
}

// Packed rows, most significant bit first; 1 is black, as in fax images.
GrayImage expandBinary(const RecordImageInfo& info, const DecodeLimits& limits) {
  checkLimits(info, limits);
  GrayImage image;
  image.pixels = cv::Mat(info.height, info.width, CV_8UC1);
  const std::size_t stride = static_cast<std::size_t>((info.width + 7) / 8);
  for (int y = 0; y < info.height; ++y) {
    auto* row = image.pixels.ptr<std::uint8_t>(y);
    const std::uint8_t* bits = info.data.data() + static_cast<std::size_t>(y) * stride;
    for (int x = 0; x < info.width; ++x) row[x] = (bits[x / 8] >> (7 - x % 8)) & 1 ? 0 : 255;
  }
  image.sourceFormat = ImageFormat::Raw;
  image.warnings.push_back("1-bit binary image expanded to 8-bit grey (1 = black)");
  return image;
}

GrayImage convertRgb(const RecordImageInfo& info, const DecodeLimits& limits) {
  checkLimits(info, limits);
  const cv::Mat rgb(info.height, info.width, CV_8UC3, const_cast<std::uint8_t*>(info.data.data()));
  GrayImage image;
  cv::cvtColor(rgb, image.pixels, cv::COLOR_RGB2GRAY);
  image.sourceFormat = ImageFormat::Raw;
  image.warnings.push_back("24-bit RGB image converted to 8-bit grey");
  return image;
}

GrayImage decodeData(const RecordImageInfo& info, const DecodeLimits& limits) {
  if (info.format != ImageFormat::Raw) return decodeImage(info.data, info.format, limits);
  if (info.bitsPerPixel == 1) return expandBinary(info, limits);
  if (info.bitsPerPixel == 24) {
    if (static_cast<std::uint64_t>(info.width) * static_cast<std::uint64_t>(info.height) * 3 != info.data.size())
      throw InputError("24-bit data is " + std::to_string(info.data.size()) + " bytes, not 3 x " +
                       std::to_string(info.width) + " x " + std::to_string(info.height));
    return convertRgb(info, limits);
  }
  return decodeRawImage(info.data, info.width, info.height, limits);
}

}  // namespace

GrayImage decodeRecordImage(const Transaction& t, std::size_t index, const DecodeLimits& limits) {
  const auto info = recordImageInfo(t, index);
  const Record& r = t.records[index];
  if (!info) throw InputError("ANSI/NIST " + describeRecord(r, index) + " carries no image");
  if (!info->decodable) throw InputError("ANSI/NIST " + describeRecord(r, index) + ": " + info->note);
  GrayImage image;
  try {
    image = decodeData(*info, limits);
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
