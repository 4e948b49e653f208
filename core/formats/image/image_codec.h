#pragma once
// The one image interface every reader goes through: files on disk, images
// inside ANSI/NIST records (WSQ, JPEG, JPEG 2000, PNG, raw), hub payloads.
// Output is always 8-bit grey; anything converted says so in `warnings`.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

namespace ridgeline {

enum class ImageFormat { Unknown, Wsq, Jpeg, Jpeg2000, Png, Tiff, Bmp, Pgm, Raw };

struct GrayImage {
  cv::Mat pixels;                     // CV_8UC1, continuous
  double ppi = 0;                     // 0 when neither file nor caller states it
  ImageFormat sourceFormat = ImageFormat::Unknown;
  std::vector<std::string> warnings;  // e.g. "16-bit image converted to 8-bit"
};

// Guards against decompression bombs and absurd headers.
struct DecodeLimits {
  int maxWidth = 16384;
  int maxHeight = 16384;
  std::int64_t maxPixels = 100'000'000;
};

// Recognises a format by its leading bytes; Unknown if none matches.
ImageFormat sniffImageFormat(std::span<const std::uint8_t> bytes);
std::string formatName(ImageFormat format);  // "WSQ", "JPEG 2000", ...

// Decodes any supported format (hint Unknown = sniff). Throws InputError
// naming what is wrong; never returns a partial image.
GrayImage decodeImage(std::span<const std::uint8_t> bytes, ImageFormat hint = ImageFormat::Unknown,
                      const DecodeLimits& limits = {});
// Headerless 8-bit grey of the given size.
GrayImage decodeRawImage(std::span<const std::uint8_t> bytes, int width, int height, const DecodeLimits& limits = {});

GrayImage readImageFile(const std::string& path, const DecodeLimits& limits = {});
// Format chosen by extension (.wsq .png .pgm .tif .tiff .bmp .jpg .jp2 .raw).
void writeImageFile(const std::string& path, const GrayImage& image);

// --- additions (wsq branch) -------------------------------------------------
struct ImageWriteOptions {
  double wsqBitrate = 0.75;  // bits per pixel for WSQ output
  int jpegQuality = 95;
};
// Format by file extension; Unknown when the extension is not one we write.
ImageFormat imageFormatFromExtension(const std::string& path);
// Encodes to bytes; the resolution (image.ppi) is written where the format
// can carry it (WSQ NISTCOM, PNG pHYs, TIFF, JPEG JFIF, BMP).
std::vector<std::uint8_t> encodeImage(const GrayImage& image, ImageFormat format, const ImageWriteOptions& options = {});
// Writes via a temporary file and a rename, so a failure never leaves a partial file.
void writeImageFile(const std::string& path, const GrayImage& image, const ImageWriteOptions& options);

}  // namespace ridgeline
