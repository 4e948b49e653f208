#pragma once
// views/ converts at its edge: core hands out cv::Mat, Qt paints QImage.
#include <QImage>

#include <opencv2/core/mat.hpp>

namespace ridgeline::views {

// Deep copy of an 8-bit grey or BGR(A) Mat into a QImage; null for other types.
QImage toQImage(const cv::Mat& mat);
// Deep copy of any QImage into an 8-bit grey Mat.
cv::Mat toGrayMat(const QImage& image);

}  // namespace ridgeline::views
