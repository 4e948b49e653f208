#include "core/face/embedding.h"

#include <cmath>

#include <opencv2/dnn.hpp>

#include "core/util/errors.h"

namespace ridgeline::face {

EmbeddingModel::EmbeddingModel(const std::filesystem::path& model) {
  try {
    net_ = cv::dnn::readNetFromONNX(model.string());
  } catch (const cv::Exception& e) {
    throw RemoteError("face embedding model " + model.string() + " cannot be loaded: " + e.msg);
  }
}

FaceEmbedding EmbeddingModel::embed(const cv::Mat& aligned) {
  if (aligned.rows != 112 || aligned.cols != 112 || aligned.type() != CV_8UC3)
    throw UsageError("face embedding needs the 112x112 colour crop from alignForEmbedding()");
  // Each channel as (v - 127) / 128, NCHW, as the package does. Channel
  // order: the package's JavaScript feeds RGB, but on the celebrity set BGR
  // raises 131 of 140 genuine scores and d' from 7.37 to 8.05 with impostors
  // unmoved (docs/face.md), so the model was evidently trained on BGR.
  net_.setInput(cv::dnn::blobFromImage(aligned, 1.0 / 128.0, cv::Size(), cv::Scalar(127, 127, 127), /*swapRB=*/false));
  const cv::Mat out = net_.forward();
  if (out.total() != kEmbeddingSize) throw RemoteError("face embedding model: unexpected output size");
  FaceEmbedding e(out.ptr<float>(), out.ptr<float>() + kEmbeddingSize);
  double norm = 0;
  for (float v : e) norm += double(v) * v;
  norm = std::sqrt(norm);
  if (!(norm > 1e-12) || !std::isfinite(norm)) throw InputError("face embedding is degenerate (blank face crop?)");
  for (float& v : e) v = float(v / norm);
  return e;
}

}  // namespace ridgeline::face
