#include "core/face/landmarks.h"

#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include "core/util/errors.h"

namespace ridgeline::face {
namespace {

constexpr int kInputSide = 64;

cv::Point2f meanOf(const Landmarks68& l, int first, int count) {
  cv::Point2f sum(0, 0);
  for (int i = first; i < first + count; ++i) sum += l[i];
  return sum / static_cast<float>(count);
}

}  // namespace

cv::Mat cropWithBorder(const cv::Mat& image, const cv::Rect& box) {
  const cv::Rect inside = box & cv::Rect(0, 0, image.cols, image.rows);
  if (inside.empty()) throw InputError("face box lies outside the photo");
  cv::Mat crop;
  cv::copyMakeBorder(image(inside), crop, inside.y - box.y, box.br().y - inside.br().y, inside.x - box.x,
                     box.br().x - inside.br().x, cv::BORDER_REPLICATE);
  return crop;
}

LandmarkModel::LandmarkModel(const std::filesystem::path& model) {
  try {
    net_ = cv::dnn::readNetFromONNX(model.string());
  } catch (const cv::Exception& e) {
    throw RemoteError("face landmark model " + model.string() + " cannot be loaded: " + e.msg);
  }
}

Landmarks68 LandmarkModel::predict(const cv::Mat& bgr, const cv::Rect2f& box) {
  const cv::Rect pixels(cvRound(box.x), cvRound(box.y), std::max(1, cvRound(box.width)), std::max(1, cvRound(box.height)));
  cv::Mat grey, small;
  cv::cvtColor(cropWithBorder(bgr, pixels), grey, cv::COLOR_BGR2GRAY);
  cv::resize(grey, small, cv::Size(kInputSide, kInputSide), 0, 0, cv::INTER_AREA);
  // The package scales grey levels by 1/256, no mean subtraction.
  net_.setInput(cv::dnn::blobFromImage(small, 1.0 / 256.0));
  const cv::Mat out = net_.forward();
  if (out.total() != 2 * kLandmarkCount) throw RemoteError("face landmark model: unexpected output size");
  const float* v = out.ptr<float>();
  Landmarks68 l;
  for (int i = 0; i < kLandmarkCount; ++i)
    l[i] = {pixels.x + v[2 * i] * pixels.width, pixels.y + v[2 * i + 1] * pixels.height};
  return l;
}

cv::Point2f leftEyeCentre(const Landmarks68& l) { return meanOf(l, 36, 6); }
cv::Point2f rightEyeCentre(const Landmarks68& l) { return meanOf(l, 42, 6); }

}  // namespace ridgeline::face
