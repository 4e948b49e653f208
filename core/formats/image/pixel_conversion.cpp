#include "core/formats/image/pixel_conversion.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "core/util/errors.h"

namespace ridgeline {

cv::Mat toGray8(const cv::Mat& decoded, std::vector<std::string>& warnings) {
  cv::Mat img = decoded;
  if (img.channels() == 3 || img.channels() == 4) {
    cv::Mat gray;
    cv::cvtColor(img, gray, img.channels() == 3 ? cv::COLOR_BGR2GRAY : cv::COLOR_BGRA2GRAY);
    // Many "colour" fingerprint files are grey stored three times; say so,
    // since then the conversion loses nothing.
    cv::Mat planes[4];
    cv::split(img, planes);
    const bool identical = cv::norm(planes[0], planes[1], cv::NORM_INF) == 0 && cv::norm(planes[0], planes[2], cv::NORM_INF) == 0;
    warnings.push_back(identical ? "grey image stored as colour reduced to one channel (channels identical, nothing lost)"
                                 : "colour image converted to grey (ITU-R BT.601 luma)");
    img = identical ? planes[0] : gray;
  } else if (img.channels() != 1) {
    throw InputError("image has " + std::to_string(img.channels()) + " channels; only grey or colour is supported");
  }
  if (img.depth() == CV_16U) {
    cv::Mat out;
    img.convertTo(out, CV_8U, 255.0 / 65535.0);
    warnings.push_back("16-bit image converted to 8-bit (scaled by 255/65535)");
    img = out;
  } else if (img.depth() != CV_8U) {
    // Float or signed samples have no fixed range: stretch what is there.
    double lo = 0, hi = 0;
    cv::minMaxLoc(img, &lo, &hi);
    cv::Mat out;
    const double scale = hi > lo ? 255.0 / (hi - lo) : 0.0;
    img.convertTo(out, CV_8U, scale, -lo * scale);
    warnings.push_back("non-8-bit samples stretched to 8-bit from their range [" + std::to_string(lo) + ", " +
                       std::to_string(hi) + "]");
    img = out;
  }
  return img.isContinuous() ? img : img.clone();
}

}  // namespace ridgeline
