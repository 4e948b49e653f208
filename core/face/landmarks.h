#pragma once
// 68-point facial landmarks (fr_landmark.onnx: a 64x64 grey crop of the
// face box in, 136 numbers out: x, y pairs in 0..1 of the crop).
#include <filesystem>

#include <opencv2/core/mat.hpp>
#include <opencv2/dnn/dnn.hpp>

#include "core/face/face_types.h"

namespace ridgeline::face {

class LandmarkModel {
 public:
  explicit LandmarkModel(const std::filesystem::path& model);
  // Landmarks of the face in `box` (a detector box) in photo pixels.
  // Not thread-safe: one model per thread.
  Landmarks68 predict(const cv::Mat& bgr, const cv::Rect2f& box);

 private:
  cv::dnn::Net net_;
};

// A crop of exactly `box` (integer-rounded); parts outside the photo are
// filled by repeating the edge pixels, so the crop maps 1:1 to the box.
cv::Mat cropWithBorder(const cv::Mat& image, const cv::Rect& box);

// Eye centres: the mean of each eye's six contour points.
cv::Point2f leftEyeCentre(const Landmarks68& l);   // eye on the image's left (36-41)
cv::Point2f rightEyeCentre(const Landmarks68& l);  // eye on the image's right (42-47)

}  // namespace ridgeline::face
