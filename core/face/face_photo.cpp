#include "core/face/face_photo.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/face/photo_header.h"
#include "core/util/errors.h"

namespace ridgeline::face {
namespace {

// libjpeg decodes a truncated JPEG into a half-grey picture and only warns on
// stderr; an examiner must never compare such a photo believing it complete.
// A complete JPEG ends with the EOI marker (FF D9), possibly followed by a
// little padding, so look for it near the end.
bool jpegHasEnd(std::span<const std::uint8_t> b) {
  const size_t from = b.size() > 4096 ? b.size() - 4096 : 0;
  for (size_t i = b.size() - 1; i > from; --i)
    if (b[i - 1] == 0xFF && b[i] == 0xD9) return true;
  return false;
}

std::vector<std::uint8_t> readAll(const std::string& path, const PhotoLimits& limits) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw InputError(path + ": no such file");
  if (std::filesystem::is_directory(path, ec)) throw InputError(path + ": is a folder, not a photo");
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw InputError(path + ": cannot read (" + ec.message() + ")");
  if (size > limits.maxFileBytes)
    throw InputError(path + ": " + std::to_string(size) + " bytes is more than the " +
                     std::to_string(limits.maxFileBytes) + "-byte limit for a face photo");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open for reading");
  std::vector<std::uint8_t> bytes(size);
  in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) throw InputError(path + ": read failed");
  return bytes;
}

void checkSize(cv::Size size, const std::string& what, const PhotoLimits& limits) {
  const std::string dims = std::to_string(size.width) + "x" + std::to_string(size.height);
  if (size.width < limits.minSide || size.height < limits.minSide)
    throw InputError(what + ": " + dims + " pixels is too small to hold a face");
  if (size.width > limits.maxSide || size.height > limits.maxSide ||
      static_cast<std::int64_t>(size.width) * size.height > limits.maxPixels)
    throw InputError(what + ": " + dims + " pixels is beyond the face photo size limit");
}

}  // namespace

cv::Mat decodeFacePhoto(std::span<const std::uint8_t> bytes, const std::string& what, const PhotoLimits& limits) {
  if (bytes.empty()) throw InputError(what + ": empty file, not a photo");
  if (bytes.size() > limits.maxFileBytes) throw InputError(what + ": larger than the face photo size limit");
  // Size limits are checked on the header, before the decoder allocates.
  const PhotoHeader header = readPhotoHeader(bytes, what);
  checkSize(header.size, what, limits);
  if (header.format == PhotoFormat::Jpeg && !jpegHasEnd(bytes))
    throw InputError(what + ": JPEG is truncated (no end-of-image marker); the photo is incomplete");
  cv::Mat decoded;
  try {
    const cv::Mat raw(1, static_cast<int>(bytes.size()), CV_8U, const_cast<std::uint8_t*>(bytes.data()));
    // IMREAD_COLOR applies EXIF orientation and gives 8-bit BGR for grey,
    // palette, 16-bit and alpha inputs alike.
    decoded = cv::imdecode(raw, cv::IMREAD_COLOR);
  } catch (const cv::Exception& e) {
    throw InputError(what + ": " + photoFormatName(header.format) + " data is corrupt (" + e.msg + ")");
  }
  if (decoded.empty()) throw InputError(what + ": " + photoFormatName(header.format) + " data is corrupt; cannot decode it");
  // EXIF orientation may swap the sides; any other difference means the
  // header lied about the pixels that follow it.
  const cv::Size got = decoded.size(), want = header.size;
  if (got != want && got != cv::Size(want.height, want.width))
    throw InputError(what + ": decoded size differs from the header's; the file is corrupt");
  return decoded;
}

cv::Mat loadFacePhoto(const std::string& path, const PhotoLimits& limits) {
  const auto bytes = readAll(path, limits);
  return decodeFacePhoto(bytes, path, limits);
}

}  // namespace ridgeline::face
