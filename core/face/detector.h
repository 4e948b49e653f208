#pragma once
// Face detector: finds every face in a photo (fr_detect.onnx, an SSD-style
// detector with a fixed 320x240 input that outputs per-anchor scores and
// corner-form boxes in 0..1).
#include <filesystem>
#include <vector>

#include <opencv2/core/mat.hpp>
#include <opencv2/dnn/dnn.hpp>

namespace ridgeline::face {

struct FaceBox {
  cv::Rect2f box;  // square, in photo pixels; may reach past the photo's edges
  float score = 0;
};

struct DetectorSettings {
  float scoreThreshold = 0.65f;  // the package's own confidence threshold
  float nmsIou = 0.4f;           // overlap above which the weaker box is dropped
};

class FaceDetector {
 public:
  explicit FaceDetector(const std::filesystem::path& model, DetectorSettings settings = {});
  // All faces in a BGR photo, largest first. Not thread-safe: one detector per thread.
  std::vector<FaceBox> detect(const cv::Mat& bgr);
  // Only inside `region` (photo pixels), searched at the detector's full
  // input resolution: how an examiner finds a small face in a large scene.
  // Boxes are in photo pixels. Throws InputError when the region misses the
  // photo or is under 16 px a side.
  std::vector<FaceBox> detect(const cv::Mat& bgr, const cv::Rect& region);

 private:
  cv::dnn::Net net_;
  DetectorSettings settings_;
};

}  // namespace ridgeline::face
