#include "core/formats/image/image_codec.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "core/formats/image/image_header.h"
#include "core/formats/image/image_metadata_writer.h"
#include "core/formats/image/pixel_conversion.h"
#include "core/formats/wsq/wsq.h"
#include "core/util/errors.h"

namespace ridgeline {
namespace {

// Files above this are refused before reading: far beyond any fingerprint
// or face image, and a guard against reading a disk image by mistake.
constexpr std::uintmax_t kMaxFileBytes = 1024ull * 1024 * 1024;

bool startsWith(std::span<const std::uint8_t> b, std::initializer_list<std::uint8_t> magic) {
  return b.size() >= magic.size() && std::equal(magic.begin(), magic.end(), b.begin());
}

void checkLimits(int width, int height, const DecodeLimits& limits, ImageFormat f) {
  if (width <= 0 || height <= 0)
    throw InputError(formatName(f) + ": image size " + std::to_string(width) + "x" + std::to_string(height) + " is empty");
  if (width > limits.maxWidth || height > limits.maxHeight ||
      static_cast<std::int64_t>(width) * height > limits.maxPixels)
    throw InputError(formatName(f) + ": image size " + std::to_string(width) + "x" + std::to_string(height) +
                     " exceeds the decode limit (" + std::to_string(limits.maxWidth) + "x" +
                     std::to_string(limits.maxHeight) + ", " + std::to_string(limits.maxPixels) + " pixels)");
}

GrayImage decodeWithOpenCv(std::span<const std::uint8_t> bytes, ImageFormat f, const DecodeLimits& limits) {
  const ImageHeaderInfo header = probeImageHeader(bytes, f);
  checkLimits(header.width, header.height, limits, f);
  if (!header.unsupported.empty()) throw InputError(formatName(f) + ": " + header.unsupported);
  cv::Mat decoded;
  try {
    const cv::Mat buffer(1, static_cast<int>(bytes.size()), CV_8UC1, const_cast<std::uint8_t*>(bytes.data()));
    decoded = cv::imdecode(buffer, cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR);
  } catch (const cv::Exception& e) {
    throw InputError(formatName(f) + ": decoder rejected the data: " + e.msg);
  }
  if (decoded.empty()) throw InputError(formatName(f) + ": data could not be decoded (corrupt or unsupported variant)");
  checkLimits(decoded.cols, decoded.rows, limits, f);
  GrayImage out;
  out.pixels = toGray8(decoded, out.warnings);
  out.ppi = header.ppi;
  out.sourceFormat = f;
  return out;
}

std::string lowerExtension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

std::vector<std::uint8_t> readFileBytes(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw InputError(path + ": cannot read (" + ec.message() + ")");
  if (size > kMaxFileBytes) throw InputError(path + ": file of " + std::to_string(size) + " bytes is too large for an image");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open for reading");
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
  if (size && !in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size)))
    throw InputError(path + ": read failed");
  return bytes;
}

std::vector<std::uint8_t> encodeWithOpenCv(const cv::Mat& pixels, const char* ext, const std::vector<int>& params) {
  std::vector<std::uint8_t> out;
  try {
    if (!cv::imencode(ext, pixels, out, params)) throw InputError(std::string("encoding ") + ext + " failed");
  } catch (const cv::Exception& e) {
    throw InputError(std::string("encoding ") + ext + " failed: " + e.msg);
  }
  return out;
}

}  // namespace

ImageFormat sniffImageFormat(std::span<const std::uint8_t> b) {
  if (startsWith(b, {0xFF, 0xA0, 0xFF})) return ImageFormat::Wsq;
  if (startsWith(b, {0xFF, 0xD8, 0xFF})) return ImageFormat::Jpeg;
  if (startsWith(b, {0x00, 0x00, 0x00, 0x0C, 'j', 'P', ' ', ' ', 0x0D, 0x0A, 0x87, 0x0A})) return ImageFormat::Jpeg2000;
  if (startsWith(b, {0xFF, 0x4F, 0xFF, 0x51})) return ImageFormat::Jpeg2000;  // bare codestream
  if (startsWith(b, {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) return ImageFormat::Png;
  if (startsWith(b, {'I', 'I', 42, 0}) || startsWith(b, {'M', 'M', 0, 42})) return ImageFormat::Tiff;
  if (startsWith(b, {'B', 'M'}) && b.size() >= 26) return ImageFormat::Bmp;
  if (b.size() >= 3 && b[0] == 'P' && b[1] >= '1' && b[1] <= '6' && std::isspace(b[2])) return ImageFormat::Pgm;
  return ImageFormat::Unknown;
}

std::string formatName(ImageFormat f) {
  switch (f) {
    case ImageFormat::Wsq: return "WSQ";
    case ImageFormat::Jpeg: return "JPEG";
    case ImageFormat::Jpeg2000: return "JPEG 2000";
    case ImageFormat::Png: return "PNG";
    case ImageFormat::Tiff: return "TIFF";
    case ImageFormat::Bmp: return "BMP";
    case ImageFormat::Pgm: return "PGM";
    case ImageFormat::Raw: return "raw";
    case ImageFormat::Unknown: break;
  }
  return "unknown";
}

GrayImage decodeImage(std::span<const std::uint8_t> bytes, ImageFormat hint, const DecodeLimits& limits) {
  const ImageFormat f = hint == ImageFormat::Unknown ? sniffImageFormat(bytes) : hint;
  if (f == ImageFormat::Unknown) throw InputError("image format not recognised from its first bytes");
  if (f == ImageFormat::Raw) throw InputError("raw image data needs its width and height (use decodeRawImage)");
  if (f == ImageFormat::Wsq) {
    wsq::WsqDecoded d = wsq::decodeWsq(bytes, limits);
    GrayImage out;
    out.pixels = d.pixels;
    out.ppi = d.header.ppi;
    out.sourceFormat = ImageFormat::Wsq;
    out.warnings = std::move(d.warnings);
    return out;
  }
  return decodeWithOpenCv(bytes, f, limits);
}

GrayImage decodeRawImage(std::span<const std::uint8_t> bytes, int width, int height, const DecodeLimits& limits) {
  checkLimits(width, height, limits, ImageFormat::Raw);
  const auto expected = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
  if (bytes.size() != expected)
    throw InputError("raw: data is " + std::to_string(bytes.size()) + " bytes; " + std::to_string(width) + "x" +
                     std::to_string(height) + " 8-bit grey needs " + std::to_string(expected));
  GrayImage out;
  out.pixels = cv::Mat(height, width, CV_8UC1);
  std::memcpy(out.pixels.data, bytes.data(), expected);
  out.sourceFormat = ImageFormat::Raw;
  return out;
}

GrayImage readImageFile(const std::string& path, const DecodeLimits& limits) {
  const std::vector<std::uint8_t> bytes = readFileBytes(path);
  const ImageFormat f = sniffImageFormat(bytes);
  if (f == ImageFormat::Unknown) {
    if (lowerExtension(path) == ".raw") throw InputError(path + ": raw image needs --width and --height");
    throw InputError(path + ": not an image format Ridgeline reads (WSQ, JPEG, JPEG 2000, PNG, TIFF, BMP, PGM)");
  }
  try {
    return decodeImage(bytes, f, limits);
  } catch (const InputError& e) {
    throw InputError(path + ": " + e.what());
  }
}

ImageFormat imageFormatFromExtension(const std::string& path) {
  const std::string ext = lowerExtension(path);
  if (ext == ".wsq") return ImageFormat::Wsq;
  if (ext == ".png") return ImageFormat::Png;
  if (ext == ".pgm") return ImageFormat::Pgm;
  if (ext == ".tif" || ext == ".tiff") return ImageFormat::Tiff;
  if (ext == ".bmp") return ImageFormat::Bmp;
  if (ext == ".jpg" || ext == ".jpeg") return ImageFormat::Jpeg;
  if (ext == ".jp2") return ImageFormat::Jpeg2000;
  if (ext == ".raw") return ImageFormat::Raw;
  return ImageFormat::Unknown;
}

std::vector<std::uint8_t> encodeImage(const GrayImage& image, ImageFormat format, const ImageWriteOptions& options) {
  const cv::Mat& px = image.pixels;
  if (px.empty() || px.type() != CV_8UC1) throw InputError("image to encode is not 8-bit grey");
  std::vector<std::uint8_t> out;
  switch (format) {
    case ImageFormat::Wsq: {
      wsq::WsqEncodeOptions o;
      o.bitrate = options.wsqBitrate;
      o.ppi = image.ppi;
      return wsq::encodeWsq(px, o);
    }
    case ImageFormat::Png:
      out = encodeWithOpenCv(px, ".png", {cv::IMWRITE_PNG_COMPRESSION, 6});
      addPngResolution(out, image.ppi);
      return out;
    case ImageFormat::Pgm: return encodeWithOpenCv(px, ".pgm", {cv::IMWRITE_PXM_BINARY, 1});
    case ImageFormat::Tiff: {
      std::vector<int> params;
      if (image.ppi > 0) {
        const int dpi = static_cast<int>(std::lround(image.ppi));
        params = {cv::IMWRITE_TIFF_RESUNIT, 2, cv::IMWRITE_TIFF_XDPI, dpi, cv::IMWRITE_TIFF_YDPI, dpi};
      }
      return encodeWithOpenCv(px, ".tif", params);
    }
    case ImageFormat::Bmp:
      out = encodeWithOpenCv(px, ".bmp", {});
      setBmpResolution(out, image.ppi);
      return out;
    case ImageFormat::Jpeg:
      out = encodeWithOpenCv(px, ".jpg", {cv::IMWRITE_JPEG_QUALITY, options.jpegQuality});
      setJfifResolution(out, image.ppi);
      return out;
    case ImageFormat::Jpeg2000:
      // OpenCV's default rate is lossy; 1000 (per mille of the raw rate) selects the reversible path.
      out = encodeWithOpenCv(px, ".jp2", {cv::IMWRITE_JPEG2000_COMPRESSION_X1000, 1000});
      addJp2Resolution(out, image.ppi);
      return out;
    case ImageFormat::Raw: {
      const cv::Mat c = px.isContinuous() ? px : px.clone();
      return std::vector<std::uint8_t>(c.data, c.data + c.total());
    }
    case ImageFormat::Unknown: break;
  }
  throw InputError("no encoder for " + formatName(format));
}

void writeImageFile(const std::string& path, const GrayImage& image) { writeImageFile(path, image, ImageWriteOptions{}); }

void writeImageFile(const std::string& path, const GrayImage& image, const ImageWriteOptions& options) {
  const ImageFormat f = imageFormatFromExtension(path);
  if (f == ImageFormat::Unknown)
    throw InputError(path + ": unknown output extension (use .wsq .png .pgm .tif .bmp .jpg .jp2 .raw)");
  const std::vector<std::uint8_t> bytes = encodeImage(image, f, options);
  // Temporary file in the same folder, then an atomic rename.
  std::random_device rd;
  const std::string tmp = path + ".tmp-" + std::to_string(rd());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw InputError(path + ": cannot open for writing");
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(tmp, ignored);
      throw InputError(path + ": write failed");
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    throw InputError(path + ": cannot replace file (" + ec.message() + ")");
  }
}

}  // namespace ridgeline
