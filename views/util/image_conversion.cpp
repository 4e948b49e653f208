#include "views/util/image_conversion.h"

#include <opencv2/imgproc.hpp>

namespace ridgeline::views {

QImage toQImage(const cv::Mat& mat) {
  if (mat.empty()) return {};
  switch (mat.type()) {
    case CV_8UC1:
      return QImage(mat.data, mat.cols, mat.rows, static_cast<qsizetype>(mat.step), QImage::Format_Grayscale8).copy();
    case CV_8UC3: {
      cv::Mat rgb;
      cv::cvtColor(mat, rgb, cv::COLOR_BGR2RGB);
      return QImage(rgb.data, rgb.cols, rgb.rows, static_cast<qsizetype>(rgb.step), QImage::Format_RGB888).copy();
    }
    case CV_8UC4: {
      cv::Mat rgba;
      cv::cvtColor(mat, rgba, cv::COLOR_BGRA2RGBA);
      return QImage(rgba.data, rgba.cols, rgba.rows, static_cast<qsizetype>(rgba.step), QImage::Format_RGBA8888)
          .copy();
    }
    default: return {};
  }
}

cv::Mat toGrayMat(const QImage& image) {
  const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
  cv::Mat view(grey.height(), grey.width(), CV_8UC1, const_cast<uchar*>(grey.constBits()),
               static_cast<size_t>(grey.bytesPerLine()));
  return view.clone();
}

}  // namespace ridgeline::views
