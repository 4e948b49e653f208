#include "core/face/detector.h"

#include <algorithm>

#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include "core/util/errors.h"

namespace ridgeline::face {
namespace {

constexpr int kInputWidth = 320;
constexpr int kInputHeight = 240;

// Fits the photo into 320x240 keeping its aspect ratio (a portrait photo
// squeezed to 4:3 would show the detector narrower faces than it was
// trained on); the border is mid-grey, which the normalisation maps to ~0.
struct Letterbox {
  cv::Mat image;
  double scale = 1;  // input pixels per photo pixel
};

Letterbox letterbox(const cv::Mat& bgr) {
  const double scale = std::min(double(kInputWidth) / bgr.cols, double(kInputHeight) / bgr.rows);
  const int w = std::clamp(int(std::lround(bgr.cols * scale)), 1, kInputWidth);
  const int h = std::clamp(int(std::lround(bgr.rows * scale)), 1, kInputHeight);
  Letterbox lb{cv::Mat(kInputHeight, kInputWidth, CV_8UC3, cv::Scalar(127, 127, 127)), scale};
  cv::resize(bgr, lb.image(cv::Rect(0, 0, w, h)), cv::Size(w, h), 0, 0, cv::INTER_AREA);
  return lb;
}

// The package normalises each channel as (v - 127) / 128 on RGB input, NCHW.
cv::Mat toBlob(const cv::Mat& input) {
  return cv::dnn::blobFromImage(input, 1.0 / 128.0, cv::Size(), cv::Scalar(127, 127, 127), /*swapRB=*/true);
}

// The landmark model was paired with square crops whose side is the box
// height, centred on the box: make every box so.
cv::Rect2f squareAround(const cv::Rect2f& r) {
  const float side = r.height;
  const cv::Point2f c(r.x + r.width / 2, r.y + r.height / 2);
  return {c.x - side / 2, c.y - side / 2, side, side};
}

}  // namespace

FaceDetector::FaceDetector(const std::filesystem::path& model, DetectorSettings settings) : settings_(settings) {
  try {
    net_ = cv::dnn::readNetFromONNX(model.string());
  } catch (const cv::Exception& e) {
    throw RemoteError("face detector model " + model.string() + " cannot be loaded: " + e.msg);
  }
  if (net_.empty()) throw RemoteError("face detector model " + model.string() + " is empty");
}

std::vector<FaceBox> FaceDetector::detect(const cv::Mat& bgr) {
  if (bgr.empty() || bgr.type() != CV_8UC3) throw InputError("face detection needs an 8-bit colour photo");
  const Letterbox lb = letterbox(bgr);
  net_.setInput(toBlob(lb.image));
  std::vector<cv::Mat> out;
  net_.forward(out, std::vector<cv::String>{"scores", "boxes"});
  const int anchors = static_cast<int>(out[0].total() / 2);
  if (out[1].total() != static_cast<size_t>(anchors) * 4) throw RemoteError("face detector: unexpected output shape");
  const cv::Mat scores = out[0].reshape(1, anchors), boxes = out[1].reshape(1, anchors);

  std::vector<cv::Rect2d> candidates;
  std::vector<float> confidences;
  for (int i = 0; i < anchors; ++i) {
    const float s = scores.at<float>(i, 1);
    if (s < settings_.scoreThreshold) continue;
    const float* b = boxes.ptr<float>(i);
    // Corner form in 0..1 of the 320x240 input, back to photo pixels.
    const double x1 = b[0] * kInputWidth / lb.scale, y1 = b[1] * kInputHeight / lb.scale;
    const double x2 = b[2] * kInputWidth / lb.scale, y2 = b[3] * kInputHeight / lb.scale;
    if (x2 <= x1 || y2 <= y1) continue;
    candidates.emplace_back(x1, y1, x2 - x1, y2 - y1);
    confidences.push_back(s);
  }
  std::vector<int> keep;
  cv::dnn::NMSBoxes(candidates, confidences, settings_.scoreThreshold, settings_.nmsIou, keep);

  std::vector<FaceBox> faces;
  for (int k : keep) faces.push_back({squareAround(cv::Rect2f(candidates[k])), confidences[k]});
  std::stable_sort(faces.begin(), faces.end(), [](const FaceBox& a, const FaceBox& b) { return a.box.area() > b.box.area(); });
  return faces;
}

std::vector<FaceBox> FaceDetector::detect(const cv::Mat& bgr, const cv::Rect& region) {
  const cv::Rect inside = region & cv::Rect(0, 0, bgr.cols, bgr.rows);
  if (inside.width < 16 || inside.height < 16)
    throw InputError("search region " + std::to_string(region.x) + "," + std::to_string(region.y) + " " +
                     std::to_string(region.width) + "x" + std::to_string(region.height) + " leaves less than 16x16 " +
                     "pixels of the " + std::to_string(bgr.cols) + "x" + std::to_string(bgr.rows) + " photo");
  auto faces = detect(bgr(inside));
  for (auto& f : faces) f.box += cv::Point2f(float(inside.x), float(inside.y));
  return faces;
}

}  // namespace ridgeline::face
