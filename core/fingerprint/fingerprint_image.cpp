#include "core/fingerprint/fingerprint_image.h"

#include <filesystem>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "core/util/errors.h"

namespace ridgeline::fingerprint {

namespace {
// Same cap as the shared codec's DecodeLimits: a hostile header must not make us allocate gigabytes.
constexpr long long kMaxPixels = 100'000'000;
}

FingerprintImage loadFingerprintImage(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw InputError(path + ": no such file");
  cv::Mat raw;
  try {
    raw = cv::imread(path, cv::IMREAD_GRAYSCALE | cv::IMREAD_ANYDEPTH);
  } catch (const cv::Exception& e) {
    throw InputError(path + ": cannot decode image (" + e.msg + ")");
  }
  if (raw.empty()) throw InputError(path + ": not a readable image");
  if (static_cast<long long>(raw.total()) > kMaxPixels) throw InputError(path + ": image too large");
  FingerprintImage image;
  if (raw.depth() == CV_8U) {
    image.gray = raw;
  } else {
    // 16-bit scans: keep the full range, mapped linearly onto 8 bits.
    cv::normalize(raw, image.gray, 0, 255, cv::NORM_MINMAX, CV_8U);
  }
  return image;
}

}  // namespace ridgeline::fingerprint
